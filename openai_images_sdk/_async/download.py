"""`async_download`: fetch a `url` image result by the rules of `DownloadFlow`."""

from __future__ import annotations

import httpx

from openai_images_sdk._download import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_TIMEOUT,
    DownloadFlow,
    connection_error,
    data_url,
)

__all__ = ["async_download"]


async def async_download(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    http_client: httpx.AsyncClient | None = None,
) -> bytes:
    """Fetch an image URL through a client that carries no API credentials."""
    inline = data_url(url)
    if inline is not None:
        return inline
    flow = DownloadFlow(url, max_bytes=max_bytes, max_redirects=max_redirects, timeout=timeout)
    client = http_client or httpx.AsyncClient()
    try:
        while True:
            request = flow.request(client)
            try:
                # The bytes move here: one request, its body read in chunks.
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
                raise connection_error(exc) from exc
    finally:
        if http_client is None:
            await client.aclose()
