# generated from openai_images_sdk/_async/download.py by scripts/unasync.py; do not edit
"""`download`: fetch a `url` image result by the rules of `DownloadFlow`."""

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

__all__ = ["download"]


def download(
    url: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
    http_client: httpx.Client | None = None,
) -> bytes:
    """Fetch an image URL through a client that carries no API credentials."""
    inline = data_url(url)
    if inline is not None:
        return inline
    flow = DownloadFlow(url, max_bytes=max_bytes, max_redirects=max_redirects, timeout=timeout)
    client = http_client or httpx.Client()
    try:
        while True:
            request = flow.request(client)
            try:
                # The bytes move here: one request, its body read in chunks.
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
                raise connection_error(exc) from exc
    finally:
        if http_client is None:
            client.close()
