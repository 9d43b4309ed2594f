"""Fetching `url` image results without leaking API credentials.

The rules (which request next, redirect limit, size cap, which error) live in one
sans-I/O `_DownloadFlow`; `download` and `download_async` only move the bytes.
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
    "ImageDownloadError",
    "ImageURLExpiredError",
    "download",
    "download_async",
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


class _DownloadFlow:
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


def _connection_error(exc: httpx.TransportError) -> APIConnectionError:
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:
        request = None
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request, message=f"Timed out downloading the image: {exc}")
    return APIConnectionError(message=f"Could not download the image: {exc}", request=request)


def _data_url(url: str) -> bytes | None:
    if not url.startswith("data:"):
        return None
    header, _, payload = url.partition(",")
    if header.endswith(";base64"):
        return base64.b64decode(payload)
    return urllib.parse.unquote_to_bytes(payload)


def download(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    http_client: httpx.Client | None = None,
) -> bytes:
    """Fetch an image URL through a client that carries no API credentials."""
    inline = _data_url(url)
    if inline is not None:
        return inline
    flow = _DownloadFlow(url, max_bytes=max_bytes, max_redirects=max_redirects, timeout=timeout)
    client = http_client or httpx.Client()
    try:
        while True:
            request = flow.request(client)
            try:
                response = client.send(request, stream=True, auth=None, follow_redirects=False)
                try:
                    if flow.wants_body(response):
                        for chunk in response.iter_bytes():
                            flow.feed(response, chunk)
                        return bytes(flow.buffer)
                    if not response.is_redirect:
                        for chunk in response.iter_bytes():
                            if flow.feed_error(chunk):
                                break
                        raise flow.error(response)
                finally:
                    response.close()
            except httpx.TransportError as exc:
                raise _connection_error(exc) from exc
    finally:
        if http_client is None:
            client.close()


async def download_async(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    http_client: httpx.AsyncClient | None = None,
) -> bytes:
    """`download` for async code."""
    inline = _data_url(url)
    if inline is not None:
        return inline
    flow = _DownloadFlow(url, max_bytes=max_bytes, max_redirects=max_redirects, timeout=timeout)
    client = http_client or httpx.AsyncClient()
    try:
        while True:
            request = flow.request(client)
            try:
                response = await client.send(
                    request, stream=True, auth=None, follow_redirects=False
                )
                try:
                    if flow.wants_body(response):
                        async for chunk in response.aiter_bytes():
                            flow.feed(response, chunk)
                        return bytes(flow.buffer)
                    if not response.is_redirect:
                        async for chunk in response.aiter_bytes():
                            if flow.feed_error(chunk):
                                break
                        raise flow.error(response)
                finally:
                    await response.aclose()
            except httpx.TransportError as exc:
                raise _connection_error(exc) from exc
    finally:
        if http_client is None:
            await client.aclose()
