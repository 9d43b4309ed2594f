"""Fetching `url` image results without leaking API credentials.

The rules (which request next, redirect limit, size cap, which error) live in one
sans-I/O `DownloadFlow`; `async_download` (`_async/download.py`) and `download`, generated
from it, only move the bytes.
"""

from __future__ import annotations

import base64
import urllib.parse
from typing import Final

import httpx

from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    status_error_from_response,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_REDIRECTS",
    "DEFAULT_TIMEOUT",
    "DownloadFlow",
    "ImageDownloadError",
    "ImageURLExpiredError",
    "connection_error",
    "data_url",
]

DEFAULT_MAX_BYTES: Final = 64 * 1024 * 1024
DEFAULT_MAX_REDIRECTS: Final = 3
DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=10.0)
_ERROR_BODY_LIMIT: Final = 64 * 1024
# Headers that authenticate to the API; a storage host must never see them.
_CREDENTIAL_HEADERS: Final = (
    "authorization",
    "api-key",
    "x-api-key",
    "openai-organization",
    "openai-project",
)


class ImageDownloadError(APIError):
    """Fetching a `url` result failed: too many redirects, too large, or a refused link."""


class ImageURLExpiredError(APIStatusError, ImageDownloadError):
    """The storage host refused an image URL (403 or 410): the link has expired."""


class DownloadFlow:
    """The rules of one download, without I/O: which request next, when to stop, what to raise."""

    def __init__(
        self, url: str, *, max_bytes: int, max_redirects: int, timeout: float | httpx.Timeout
    ) -> None:
        self.url = httpx.URL(url)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_redirects = max_redirects
        self.redirects = 0
        self.buffer = bytearray()

    def request(self, client: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The next GET, with no credential headers; raises for a URL that is not http(s)."""
        if self.url.scheme not in ("http", "https"):
            raise ImageDownloadError(
                f"cannot download an image from a {self.url.scheme or 'relative'} URL",
                None,
            )
        request = client.build_request(
            "GET", self.url, headers={"Accept": "image/*"}, timeout=self.timeout
        )
        for name in _CREDENTIAL_HEADERS:
            request.headers.pop(name, None)
        return request

    def wants_body(self, response: httpx.Response) -> bool:
        """True when `response` carries the image; False to follow a redirect or read an error."""
        if response.is_redirect:
            if self.redirects >= self.max_redirects:
                raise ImageDownloadError(
                    f"gave up downloading the image after {self.max_redirects} redirects "
                    f"(last: {_host(response.url)})",
                    response.request,
                )
            self.redirects += 1
            self.url = response.url.join(response.headers["location"])
            return False
        if not response.is_success:
            return False
        length = response.headers.get("content-length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise self._too_large(response, int(length))
        return True

    def feed(self, response: httpx.Response, chunk: bytes) -> None:
        """Collect image bytes; raises once there are more than `max_bytes`."""
        self.buffer += chunk
        if len(self.buffer) > self.max_bytes:
            raise self._too_large(response, None)

    def _too_large(self, response: httpx.Response, length: int | None) -> ImageDownloadError:
        size = f"{length} bytes" if length is not None else "more bytes than that"
        return ImageDownloadError(
            f"the image at {_host(response.url)} is larger than max_bytes={self.max_bytes} "
            f"({size}); pass a larger max_bytes to allow it",
            response.request,
        )

    def feed_error(self, chunk: bytes) -> bool:
        """Collect an error body; True once enough of it has arrived."""
        self.buffer += chunk
        return len(self.buffer) >= _ERROR_BODY_LIMIT

    def error(self, response: httpx.Response) -> APIError:
        """The error for a refused download, with the start of its body."""
        text = self.buffer[:_ERROR_BODY_LIMIT].decode("utf-8", "replace")
        body: object = text or None
        if response.status_code in (403, 410):
            return ImageURLExpiredError(
                f"the image URL has expired or was revoked (HTTP {response.status_code} from "
                f"{_host(response.url)}); image URLs last about an hour: request the image "
                "again, or ask for b64_json",
                response=response,
                body=body,
            )
        return status_error_from_response(response, body)


def _host(url: httpx.URL) -> str:
    return url.host or str(url)


def connection_error(exc: httpx.TransportError) -> APIConnectionError:
    """The SDK's error for a transport failure while downloading."""
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:
        request = None
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request, message=f"Timed out downloading the image: {exc}")
    return APIConnectionError(message=f"Could not download the image: {exc}", request=request)


def data_url(url: str) -> bytes | None:
    """The bytes of a ``data:`` URL; None for any other URL."""
    if not url.startswith("data:"):
        return None
    header, _, payload = url.partition(",")
    if header.endswith(";base64"):
        return base64.b64decode(payload)
    return urllib.parse.unquote_to_bytes(payload)
