"""Behaviour mixed into the generated response models: metadata and image file helpers.

Codegen makes `ImagesResponse` inherit `ImagesResponseMixin` and `Image` inherit
`ImageMixin` (spec extension ``x-python-base``). The mixins hold no attrs fields; their
slots carry what the transport learned (request id, headers) and cached decodes. The file
helpers are written once as async code (`_async/results.py`: `adownload`, `asave`,
`asave_all`); `download`, `save`, `save_all` are generated from it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import httpx

from ._async.results import AsyncImageFiles, AsyncImagesFiles
from ._download import ImageDownloadError, ImageURLExpiredError
from ._image_files import extension_for, sniff_format, write_atomic
from ._model import ModelMethods
from ._sync.results import ImageFiles, ImagesFiles

if TYPE_CHECKING:
    from ._ratelimits import RateLimits

__all__ = [
    "ImageDownloadError",
    "ImageMixin",
    "ImageURLExpiredError",
    "ImagesResponseMixin",
    "ResponseMeta",
    "ResponseMetaMixin",
    "attach_meta",
    "extension_for",
    "sniff_format",
    "write_atomic",
]


@attrs.define(kw_only=True)
class ResponseMeta:
    """What the HTTP response said besides its body."""

    status_code: int
    headers: httpx.Headers

    @property
    def request_id(self) -> str | None:
        """The response's ``x-request-id`` header."""
        request_id: str | None = self.headers.get("x-request-id")
        return request_id


class ResponseMetaMixin(ModelMethods):
    """Gives a parsed result the request id and headers of the response it came from."""

    __slots__ = ("_sdk_meta",)

    @property
    def request_id(self) -> str | None:
        """The `x-request-id` of the response, for support requests."""
        meta: ResponseMeta | None = getattr(self, "_sdk_meta", None)
        return meta.request_id if meta else None

    @property
    def response_headers(self) -> httpx.Headers:
        """The HTTP headers of the response this result was parsed from."""
        meta: ResponseMeta | None = getattr(self, "_sdk_meta", None)
        return meta.headers if meta else httpx.Headers()

    @property
    def rate_limits(self) -> RateLimits:
        """The `x-ratelimit-*` headers of the response, parsed."""
        from ._ratelimits import RateLimits

        return RateLimits.from_headers(self.response_headers)


def attach_meta(result: object, response: httpx.Response) -> None:
    """Record the response's metadata on a parsed result (no-op for plain objects)."""
    if isinstance(result, ResponseMetaMixin):
        meta = ResponseMeta(status_code=response.status_code, headers=response.headers)
        object.__setattr__(result, "_sdk_meta", meta)


# --- the mixins --------------------------------------------------------------------------


class ImagesResponseMixin(ResponseMetaMixin, ImagesFiles, AsyncImagesFiles):
    """Helpers on `ImagesResponse`: `save_all` / `asave_all`, and the response metadata."""

    __slots__ = ()


class ImageMixin(ModelMethods, ImageFiles, AsyncImageFiles):
    """Helpers on `Image`: its bytes, saving to a file, Pillow, and fetching `url` results."""

    __slots__ = ()
