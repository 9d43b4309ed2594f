"""An image result's bytes and files: format sniffing, extensions, atomic writes, and the
I/O-free half of the `Image` / `ImagesResponse` helpers (`_results`)."""

from __future__ import annotations

import base64
import builtins
import io
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Protocol

from . import _atomic
from ._inputs._formats import sniff_format

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

__all__ = [
    "ImageData",
    "ImagesData",
    "extension_for",
    "sniff_format",
    "target_path",
    "write_atomic",
]

_PILLOW_HINT: Final = "pip install 'openai-images-sdk[pillow]'"


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


def target_path(
    path: str | os.PathLike[str], data: builtins.bytes, output_format: str | None
) -> Path:
    """`path`, with an extension for `data` added when it has none (see `extension_for`)."""
    target = Path(path)
    if not target.suffix:
        target = target.with_name(f"{target.name}.{extension_for(data, output_format)}")
    return target


def write_atomic(
    path: str | os.PathLike[str], data: builtins.bytes, *, overwrite: bool = True
) -> Path:
    """Write `data` to `path` whole, or not at all (`_atomic.write_atomic`), as a file of mode
    0o666 less the umask; creates missing parent folders.

    With ``overwrite=False`` an existing file is left alone and `FileExistsError` raised,
    without a window where two writers both succeed.
    """
    return Path(_atomic.write_atomic(path, data, overwrite=overwrite, make_parents=True))


class ImageData:
    """An image result's bytes: decoded from `b64_json` once, or kept after a download."""

    __slots__ = ("_sdk_decoded",)

    def _b64(self) -> str | None:
        value: str | None = getattr(self, "b64_json", None)
        return value

    def _url(self) -> str | None:
        value: str | None = getattr(self, "url", None)
        return value

    def _fetch_url(self) -> str | None:
        """The URL to download; None when the bytes are at hand (or there is nothing to fetch)."""
        url = self._url()
        if getattr(self, "_sdk_decoded", None) is not None or self._b64() is not None:
            return None
        return url or None

    def _keep(self, data: builtins.bytes) -> None:
        object.__setattr__(self, "_sdk_decoded", data)

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
        self._keep(data)
        return data

    def to_pil(self) -> PILImage:
        """The image as a `PIL.Image.Image` (needs the `pillow` extra)."""
        try:
            from PIL import Image as PILImageModule
        except ImportError as exc:
            raise ModuleNotFoundError(f"to_pil() needs Pillow: {_PILLOW_HINT}") from exc
        image = PILImageModule.open(io.BytesIO(self.bytes()))
        image.load()
        return image


class _Image(Protocol):
    def bytes(self) -> builtins.bytes: ...
    def download(self) -> builtins.bytes: ...
    async def adownload(self) -> builtins.bytes: ...


class ImagesData:
    """A response's images, and the file names `save_all` gives them."""

    __slots__ = ()

    def _images(self) -> Sequence[_Image]:
        data: Sequence[_Image] | None = getattr(self, "data", None)
        return data or ()

    def _paths(self, folder: str | os.PathLike[str], pattern: str) -> list[Path]:
        fmt: str | None = getattr(self, "output_format", None)
        paths: list[Path] = []
        for index, image in enumerate(self._images()):
            ext = extension_for(image.bytes(), fmt)
            paths.append(Path(folder) / pattern.format(index=index, ext=ext))
        return paths
