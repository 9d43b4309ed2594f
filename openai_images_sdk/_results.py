"""Behaviour mixed into the generated response models: metadata and image file helpers.

Codegen makes `ImagesResponse` inherit `ImagesResponseMixin` and `Image` inherit
`ImageMixin` (spec extension ``x-python-base``). The mixins hold no attrs fields; their
slots carry what the transport learned (request id, headers) and cached decodes.
"""

from __future__ import annotations

import base64
import builtins
import io
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs
import httpx

from ._download import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_REDIRECTS,
    DEFAULT_TIMEOUT,
    ImageDownloadError,
    ImageURLExpiredError,
    download,
    download_async,
)
from ._imageinfo import sniff

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

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

_PILLOW_HINT: Final = "pip install 'openai-images-sdk[pillow]'"


@attrs.frozen(kw_only=True)
class ResponseMeta:
    """What the HTTP response said besides its body."""

    status_code: int
    headers: httpx.Headers
    request_id: str | None


class ResponseMetaMixin:
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
        meta = ResponseMeta(
            status_code=response.status_code,
            headers=response.headers,
            request_id=response.headers.get("x-request-id"),
        )
        object.__setattr__(result, "_sdk_meta", meta)


# --- formats and files -------------------------------------------------------------------


def sniff_format(data: builtins.bytes) -> str | None:
    """The image format of `data` from its first bytes: png, jpeg, webp, gif, svg or None."""
    raster = sniff(data[:16])
    if raster is not None:
        return raster
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<svg", b"<?xml", b"<!doctype svg", b"<!--")) and b"<svg" in head:
        return "svg"
    return None


def extension_for(data: builtins.bytes, output_format: str | None = None) -> str:
    """The file extension (no dot) for image `data`: `output_format` if given, else sniffed.

    Raises `ValueError` when neither says what the data is.
    """
    fmt = output_format or sniff_format(data)
    if fmt is None:
        raise ValueError(
            "cannot tell the image format from its bytes; give the path an extension "
            "or pass output_format="
        )
    fmt = fmt.lower()
    return "jpg" if fmt == "jpeg" else fmt


def _target(path: str | os.PathLike[str], data: builtins.bytes, output_format: str | None) -> Path:
    target = Path(path)
    if not target.suffix:
        target = target.with_name(f"{target.name}.{extension_for(data, output_format)}")
    return target


def write_atomic(
    path: str | os.PathLike[str], data: builtins.bytes, *, overwrite: bool = True
) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, then rename.

    Creates missing parent folders. With ``overwrite=False`` an existing file is left alone
    and `FileExistsError` raised, without a window where two writers both succeed.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if overwrite:
            tmp.replace(target)
        else:
            # A hard link fails if the target exists, which makes "create, never replace" atomic.
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise
            except OSError:  # no hard links on this file system: exclusive create instead
                with target.open("xb") as handle:
                    handle.write(data)
            tmp.unlink()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return target


# --- the mixins --------------------------------------------------------------------------


class ImagesResponseMixin(ResponseMetaMixin):
    """Helpers on `ImagesResponse`."""

    __slots__ = ()

    def _images(self) -> Sequence[ImageMixin]:
        data: Sequence[ImageMixin] | None = getattr(self, "data", None)
        return data or ()

    def _paths(self, folder: str | os.PathLike[str], pattern: str) -> list[Path]:
        fmt: str | None = getattr(self, "output_format", None)
        paths: list[Path] = []
        for index, image in enumerate(self._images()):
            ext = extension_for(image.bytes(), fmt)
            paths.append(Path(folder) / pattern.format(index=index, ext=ext))
        return paths

    def save_all(
        self, folder: str | os.PathLike[str], pattern: str = "{index}.{ext}"
    ) -> list[Path]:
        """Save every image of the response into `folder`; returns the paths written.

        `pattern` may use ``{index}`` (0-based position in `data`) and ``{ext}`` (from the
        response's `output_format`, else from the image bytes). URL results are downloaded.
        """
        for image in self._images():
            image.download()
        paths = self._paths(folder, pattern)
        for image, path in zip(self._images(), paths, strict=True):
            write_atomic(path, image.bytes())
        return paths

    async def asave_all(
        self, folder: str | os.PathLike[str], pattern: str = "{index}.{ext}"
    ) -> list[Path]:
        """`save_all` for async code: downloads and file writes do not block the event loop."""
        import anyio.to_thread

        for image in self._images():
            await image.adownload()
        paths = await anyio.to_thread.run_sync(self._paths, folder, pattern)
        for image, path in zip(self._images(), paths, strict=True):
            await anyio.to_thread.run_sync(write_atomic, path, image.bytes())
        return paths


class ImageMixin:
    """Helpers on `Image`: its bytes, saving to a file, Pillow, and fetching `url` results."""

    __slots__ = ("_sdk_decoded",)

    def _b64(self) -> str | None:
        value: str | None = getattr(self, "b64_json", None)
        return value

    def _url(self) -> str | None:
        value: str | None = getattr(self, "url", None)
        return value

    def bytes(self) -> builtins.bytes:
        """The image file's bytes, decoded from `b64_json` on first use and then cached.

        For a `url` result, call `download()` (or `save()`) first; this raises `ValueError`.
        """
        cached: builtins.bytes | None = getattr(self, "_sdk_decoded", None)
        if cached is not None:
            return cached
        b64 = self._b64()
        if b64 is None:
            if self._url():
                raise ValueError(
                    "this image is a URL result; call download() or save() to fetch it"
                )
            raise ValueError("this image has neither b64_json nor url")
        data = base64.b64decode(b64)
        object.__setattr__(self, "_sdk_decoded", data)
        return data

    def download(
        self,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.Client | None = None,
    ) -> builtins.bytes:
        """Fetch a `url` result (never sending API credentials); b64 results need no fetch.

        Raises `ImageURLExpiredError` when the storage host answers 403 or 410 (links expire
        after about an hour) and `ImageDownloadError` for too many redirects or too much data.
        `http_client` may carry proxies or transports; its auth headers are never sent.
        """
        url = self._url()
        if getattr(self, "_sdk_decoded", None) is not None or self._b64() is not None or not url:
            return self.bytes()
        data = download(
            url,
            max_bytes=max_bytes,
            max_redirects=max_redirects,
            timeout=timeout,
            http_client=http_client,
        )
        object.__setattr__(self, "_sdk_decoded", data)
        return data

    async def adownload(
        self,
        *,
        max_bytes: int = DEFAULT_MAX_BYTES,
        max_redirects: int = DEFAULT_MAX_REDIRECTS,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
    ) -> builtins.bytes:
        """`download` for async code."""
        url = self._url()
        if getattr(self, "_sdk_decoded", None) is not None or self._b64() is not None or not url:
            return self.bytes()
        data = await download_async(
            url,
            max_bytes=max_bytes,
            max_redirects=max_redirects,
            timeout=timeout,
            http_client=http_client,
        )
        object.__setattr__(self, "_sdk_decoded", data)
        return data

    def save(
        self,
        path: str | os.PathLike[str],
        *,
        output_format: str | None = None,
        overwrite: bool = True,
    ) -> Path:
        """Write the image to `path` atomically, creating parent folders; returns the path.

        When `path` has no extension one is added: from `output_format` (e.g. the response's)
        if given, else from the image's magic bytes. `url` results are downloaded first.
        With ``overwrite=False`` an existing file raises `FileExistsError`.
        """
        self.download()
        data = self.bytes()
        return write_atomic(_target(path, data, output_format), data, overwrite=overwrite)

    async def asave(
        self,
        path: str | os.PathLike[str],
        *,
        output_format: str | None = None,
        overwrite: bool = True,
    ) -> Path:
        """`save` for async code: the download and the file write do not block the loop."""
        import anyio.to_thread

        await self.adownload()
        data = await anyio.to_thread.run_sync(self.bytes)
        target = _target(path, data, output_format)
        return await anyio.to_thread.run_sync(
            lambda: write_atomic(target, data, overwrite=overwrite)
        )

    def to_pil(self) -> PILImage:
        """The image as a `PIL.Image.Image` (needs the `pillow` extra)."""
        try:
            from PIL import Image as PILImageModule
        except ImportError as exc:
            raise ModuleNotFoundError(f"to_pil() needs Pillow: {_PILLOW_HINT}") from exc
        image = PILImageModule.open(io.BytesIO(self.bytes()))
        image.load()
        return image
