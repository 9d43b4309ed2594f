"""Old import path of `openai_images_sdk._inputs._sources` (file inputs -> `UploadFile`)."""

from ._inputs import _sources
from ._inputs._sources import *  # noqa: F403  (the old path names exactly what the new one does)

__all__: list[str] = []
__all__ += _sources.__all__
