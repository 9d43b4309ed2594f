"""Downloading and saving image results: `adownload`, `asave`, `asave_all`."""

from __future__ import annotations

import builtins
import os
from pathlib import Path

import httpx

from openai_images_sdk._concurrency import async_run_blocking
from openai_images_sdk._download import DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT
from openai_images_sdk._image_files import ImageData, ImagesData, target_path, write_atomic

from .download import async_download

__all__ = ["AsyncImageFiles", "AsyncImagesFiles"]


class AsyncImageFiles(ImageData):
    """Fetching and saving one image (mixed into `Image`)."""

    __slots__ = ()

    async def adownload(
        self,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
    ) -> builtins.bytes:
        """Fetch a `url` result (never sending API credentials); b64 results need no fetch.

        Raises `ImageURLExpiredError` when the storage host answers 403 or 410 (links expire
        after about an hour) and `ImageDownloadError` for too many redirects or too much data.
        `http_client` may carry proxies or transports; its auth headers are never sent.
        """
        url = self._fetch_url()
        if url is None:
            return self.bytes()
        data = await async_download(
            url,
            max_bytes=max_bytes,
            max_redirects=max_redirects,
            timeout=timeout,
            http_client=http_client,
        )
        self._keep(data)
        return data

    async def asave(
        self,
        path: str | os.PathLike[str],
        *,
        output_format: str | None = None,
        overwrite: bool = True,
    ) -> Path:
        """Write the image to `path` atomically, creating parent folders; returns the path.

        When `path` has no extension one is added: from `output_format` (e.g. the response's)
        if given, else from the image's magic bytes. `url` results are downloaded first.
        With ``overwrite=False`` an existing file raises `FileExistsError`. In async code,
        decoding and writing run in a worker thread.
        """
        await self.adownload()
        data = await async_run_blocking(self.bytes)
        target = target_path(path, data, output_format)
        return await async_run_blocking(write_atomic, target, data, overwrite=overwrite)


class AsyncImagesFiles(ImagesData):
    """Saving every image of a response (mixed into `ImagesResponse`)."""

    __slots__ = ()

    async def asave_all(
        self, folder: str | os.PathLike[str], pattern: str = "{index}.{ext}"
    ) -> list[Path]:
        """Save every image of the response into `folder`; returns the paths written.

        `pattern` may use ``{index}`` (0-based position in `data`) and ``{ext}`` (from the
        response's `output_format`, else from the image bytes). URL results are downloaded.
        In async code, file writes run in a worker thread.
        """
        for image in self._images():
            await image.adownload()
        paths = await async_run_blocking(self._paths, folder, pattern)
        for image, path in zip(self._images(), paths, strict=True):
            await async_run_blocking(write_atomic, path, image.bytes())
        return paths
