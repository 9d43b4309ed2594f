"""A typed client for the OpenAI Images API, generated from spec/."""

from ._version import __version__

__all__ = ["__version__"]
