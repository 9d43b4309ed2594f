"""Result helpers: bytes(), save(), save_all(), to_pil(), and downloading `url` results."""

from __future__ import annotations

import base64
import io
import itertools
import os
import sys
from pathlib import Path
from typing import Any

import attrs
import httpx
import pytest
import respx

from openai_images_sdk._exceptions import (
    APIConnectionError,
    APIStatusError,
    NotFoundError,
)
from openai_images_sdk._generated.models import Image, ImagesResponse
from openai_images_sdk._results import (
    ImageDownloadError,
    ImageURLExpiredError,
    attach_meta,
    extension_for,
    sniff_format,
    write_atomic,
)


def png_bytes(width: int = 3, height: int = 2) -> bytes:
    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGBA", (width, height), (200, 10, 10, 255)).save(buffer, "PNG")
    return buffer.getvalue()


def encoded(data: bytes) -> str:
    return base64.b64encode(data).decode()


SAMPLES = {
    "png": b"\x89PNG\r\n\x1a\n" + b"\0" * 30,
    "jpeg": b"\xff\xd8\xff\xe0" + b"\0" * 30,
    "webp": b"RIFF\x10\0\0\0WEBPVP8 " + b"\0" * 30,
    "gif": b"GIF89a" + b"\0" * 30,
    "svg": b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
}


# --- bytes(), formats, save() ------------------------------------------------------------


def test_bytes_decodes_once_and_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    data = png_bytes()
    image = Image(b64_json=encoded(data))
    calls: list[object] = []
    real = base64.b64decode

    def counting(value: Any) -> bytes:
        calls.append(value)
        return real(value)

    monkeypatch.setattr(base64, "b64decode", counting)
    first = image.bytes()
    second = image.bytes()
    assert first == data
    assert second is first
    assert len(calls) == 1


def test_bytes_of_url_result_says_to_download() -> None:
    with pytest.raises(ValueError, match=r"download\(\)"):
        Image(url="https://files.example/x.png").bytes()
    with pytest.raises(ValueError, match="neither"):
        Image().bytes()


@pytest.mark.parametrize(("fmt", "data"), SAMPLES.items())
def test_sniff_format(fmt: str, data: bytes) -> None:
    assert sniff_format(data) == fmt
    assert sniff_format(b"\xef\xbb\xbf  \n" + data) == (fmt if fmt == "svg" else None)


def test_sniff_format_unknown_and_extension_rules() -> None:
    assert sniff_format(b"hello world") is None
    assert sniff_format(b"<html><body></body></html>") is None
    assert extension_for(SAMPLES["jpeg"]) == "jpg"
    assert extension_for(SAMPLES["png"], "webp") == "webp"
    with pytest.raises(ValueError, match="output_format"):
        extension_for(b"not an image")


@pytest.mark.parametrize(("fmt", "data"), SAMPLES.items())
def test_save_adds_the_sniffed_extension_and_creates_folders(
    tmp_path: Path, fmt: str, data: bytes
) -> None:
    image = Image(b64_json=encoded(data))
    path = image.save(tmp_path / "a" / "b" / "picture")
    expected = "jpg" if fmt == "jpeg" else fmt
    assert path == tmp_path / "a" / "b" / f"picture.{expected}"
    assert path.read_bytes() == data


def test_save_keeps_a_given_extension_and_honours_output_format(tmp_path: Path) -> None:
    image = Image(b64_json=encoded(SAMPLES["png"]))
    assert image.save(tmp_path / "x.data") == tmp_path / "x.data"
    assert image.save(tmp_path / "y", output_format="webp") == tmp_path / "y.webp"
    assert image.save(str(tmp_path / "z")) == tmp_path / "z.png"


def test_save_overwrites_by_default_and_refuses_when_asked(tmp_path: Path) -> None:
    target = tmp_path / "x.png"
    target.write_bytes(b"old")
    image = Image(b64_json=encoded(SAMPLES["png"]))
    with pytest.raises(FileExistsError):
        image.save(target, overwrite=False)
    assert target.read_bytes() == b"old"
    image.save(target)
    assert target.read_bytes() == SAMPLES["png"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.png"]


def test_never_overwrite_without_hard_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise PermissionError("hard links not supported")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "x.png"
    write_atomic(target, b"first", overwrite=False)
    with pytest.raises(FileExistsError):
        write_atomic(target, b"second", overwrite=False)
    assert target.read_bytes() == b"first"
    assert [p.name for p in tmp_path.iterdir()] == ["x.png"]


def test_write_is_atomic_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "x.png"
    target.write_bytes(b"old")

    def broken_replace(source: object, other: object) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk on fire"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.png"]


def test_write_never_exposes_a_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "x.png"
    seen: list[bool] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        seen.append(target.exists())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    write_atomic(target, b"data")
    assert seen == [False]
    assert target.read_bytes() == b"data"


def test_save_all_uses_the_response_format_and_pattern(tmp_path: Path) -> None:
    data = [png_bytes(), png_bytes(4, 4)]
    response = ImagesResponse(
        created=1, data=[Image(b64_json=encoded(d)) for d in data], output_format="png"
    )
    paths = response.save_all(tmp_path / "out", pattern="img-{index}.{ext}")
    assert paths == [tmp_path / "out" / "img-0.png", tmp_path / "out" / "img-1.png"]
    assert [p.read_bytes() for p in paths] == data
    assert response.save_all(tmp_path / "sniffed") == [
        tmp_path / "sniffed" / "0.png",
        tmp_path / "sniffed" / "1.png",
    ]
    assert ImagesResponse(created=1).save_all(tmp_path / "none") == []


def test_to_pil_opens_the_image() -> None:
    image = Image(b64_json=encoded(png_bytes(5, 7)))
    assert image.to_pil().size == (5, 7)


def test_to_pil_without_pillow_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "PIL", None)
    with pytest.raises(ModuleNotFoundError, match=r"openai-images-sdk\[pillow\]"):
        Image(b64_json=encoded(SAMPLES["png"])).to_pil()


def test_request_id_from_attached_meta() -> None:
    response = ImagesResponse(created=1)
    assert response.request_id is None
    attach_meta(response, httpx.Response(200, headers={"x-request-id": "req_42"}))
    assert response.request_id == "req_42"
    assert response.response_headers["x-request-id"] == "req_42"


# --- downloading url results (sync and async from one body) ------------------------------

URL = "https://storage.example/img/abc.png"
CREDENTIALS = {
    "Authorization": "Bearer sk-secret",
    "OpenAI-Organization": "org-secret",
    "OpenAI-Project": "proj-secret",
    "api-key": "azure-secret",
}


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@attrs.frozen
class Driver:
    """Runs the sync or the async variant of a download helper."""

    is_async: bool

    def client(self, **kwargs: Any) -> httpx.Client | httpx.AsyncClient:
        return httpx.AsyncClient(**kwargs) if self.is_async else httpx.Client(**kwargs)

    async def download(self, image: Image, **kwargs: Any) -> bytes:
        if self.is_async:
            return await image.adownload(**kwargs)
        return image.download(**kwargs)

    async def save(self, image: Image, path: Path, **kwargs: Any) -> Path:
        if self.is_async:
            return await image.asave(path, **kwargs)
        return image.save(path, **kwargs)

    async def save_all(self, response: ImagesResponse, folder: Path) -> list[Path]:
        if self.is_async:
            return await response.asave_all(folder)
        return response.save_all(folder)


@pytest.fixture(params=[False, True], ids=["sync", "async"])
def driver(request: pytest.FixtureRequest) -> Driver:
    return Driver(request.param)


@pytest.mark.anyio
@respx.mock
async def test_download_sends_no_credentials(driver: Driver) -> None:
    data = png_bytes()
    route = respx.get(URL).respond(200, content=data)
    client = driver.client(headers=CREDENTIALS, auth=("user", "password"))
    image = Image(url=URL)
    assert await driver.download(image, http_client=client) == data
    sent = route.calls.last.request.headers
    for name in [*CREDENTIALS, "proxy-authorization"]:
        assert name not in sent
    assert image.bytes() == data  # cached
    if isinstance(client, httpx.AsyncClient):
        await client.aclose()
    else:
        client.close()


@pytest.mark.anyio
@respx.mock
async def test_download_with_its_own_client_sends_no_credentials(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-env")
    route = respx.get(URL).respond(200, content=SAMPLES["png"])
    assert await driver.download(Image(url=URL)) == SAMPLES["png"]
    headers = route.calls.last.request.headers
    assert "authorization" not in headers
    assert "sk-from-env" not in str(headers)


@pytest.mark.anyio
@respx.mock
async def test_redirects_are_followed_without_credentials_up_to_the_limit(
    driver: Driver,
) -> None:
    hops = [f"https://cdn{i}.example/x" for i in range(4)]
    respx.get(URL).respond(302, headers={"location": hops[0]})
    for here, there in itertools.pairwise(hops):
        respx.get(here).respond(307, headers={"location": there})
    final = respx.get(hops[-1]).respond(200, content=SAMPLES["png"])
    client = driver.client(headers=CREDENTIALS)
    # URL -> cdn0 -> cdn1 -> cdn2 -> cdn3 is four redirects.
    with pytest.raises(ImageDownloadError, match="after 3 redirects"):
        await driver.download(Image(url=URL), http_client=client)
    assert not final.called
    assert (
        await driver.download(Image(url=URL), http_client=client, max_redirects=4)
        == (SAMPLES["png"])
    )
    for call in respx.calls:
        assert "authorization" not in call.request.headers
        assert "openai-organization" not in call.request.headers


@pytest.mark.anyio
@respx.mock
async def test_relative_redirect(driver: Driver) -> None:
    respx.get(URL).respond(301, headers={"location": "/moved.png"})
    respx.get("https://storage.example/moved.png").respond(200, content=b"GIF89a...")
    assert await driver.download(Image(url=URL)) == b"GIF89a..."


@pytest.mark.anyio
@respx.mock
async def test_size_cap_from_content_length(driver: Driver) -> None:
    respx.get(URL).respond(200, content=b"x" * 1000)
    with pytest.raises(ImageDownloadError, match="max_bytes=999 \\(1000 bytes\\)"):
        await driver.download(Image(url=URL), max_bytes=999)
    assert await driver.download(Image(url=URL), max_bytes=1000) == b"x" * 1000


@pytest.mark.anyio
@respx.mock
async def test_size_cap_while_streaming(driver: Driver) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        response = httpx.Response(200, content=b"x" * 5000)
        del response.headers["content-length"]
        return response

    respx.get(URL).mock(side_effect=handler)
    with pytest.raises(ImageDownloadError, match="larger than max_bytes=4096"):
        await driver.download(Image(url=URL), max_bytes=4096)


@pytest.mark.anyio
@pytest.mark.parametrize("status", [403, 410])
@respx.mock
async def test_expired_link_is_a_clear_error(driver: Driver, status: int) -> None:
    body = "<Error><Code>AuthenticationFailed</Code><Message>Signed expiry time</Message></Error>"
    respx.get(URL).respond(status, text=body)
    with pytest.raises(ImageURLExpiredError, match="expired") as caught:
        await driver.download(Image(url=URL))
    error = caught.value
    assert isinstance(error, APIStatusError)
    assert isinstance(error, ImageDownloadError)
    assert error.status_code == status
    assert error.body == body
    assert "storage.example" in str(error)


@pytest.mark.anyio
@respx.mock
async def test_other_statuses_map_to_the_error_tree(driver: Driver) -> None:
    respx.get(URL).respond(404, json={"error": {"message": "gone fishing"}})
    with pytest.raises(NotFoundError, match="gone fishing"):
        await driver.download(Image(url=URL))


@pytest.mark.anyio
@respx.mock
async def test_connection_failure(driver: Driver) -> None:
    respx.get(URL).mock(side_effect=httpx.ConnectError("refused"))
    with pytest.raises(APIConnectionError, match="refused"):
        await driver.download(Image(url=URL))


@pytest.mark.anyio
async def test_bad_scheme_and_data_urls(driver: Driver) -> None:
    with pytest.raises(ImageDownloadError, match="ftp"):
        await driver.download(Image(url="ftp://files.example/x.png"))
    data_url = "data:image/png;base64," + encoded(SAMPLES["png"])
    assert await driver.download(Image(url=data_url)) == SAMPLES["png"]


@pytest.mark.anyio
async def test_b64_results_need_no_download(driver: Driver) -> None:
    assert await driver.download(Image(b64_json=encoded(b"GIF89a"))) == b"GIF89a"


@pytest.mark.anyio
@respx.mock
async def test_save_and_save_all_fetch_url_results(driver: Driver, tmp_path: Path) -> None:
    route = respx.get(URL).respond(200, content=SAMPLES["jpeg"])
    image = Image(url=URL)
    path = await driver.save(image, tmp_path / "sub" / "photo")
    assert path == tmp_path / "sub" / "photo.jpg"
    assert path.read_bytes() == SAMPLES["jpeg"]
    response = ImagesResponse(created=1, data=[Image(url=URL), image], output_format="jpeg")
    paths = await driver.save_all(response, tmp_path / "all")
    assert [p.name for p in paths] == ["0.jpg", "1.jpg"]
    assert route.call_count == 2  # the second image was cached by save()


@respx.mock
def test_async_helpers_under_trio(tmp_path: Path) -> None:
    import anyio

    respx.get(URL).respond(200, content=SAMPLES["gif"])

    async def scenario() -> list[Path]:
        image = Image(url=URL)
        first = await image.asave(tmp_path / "anim")
        response = ImagesResponse(created=1, data=[Image(b64_json=encoded(SAMPLES["png"]))])
        return [first, *await response.asave_all(tmp_path)]

    paths = anyio.run(scenario, backend="trio")
    assert paths == [tmp_path / "anim.gif", tmp_path / "0.png"]
    assert paths[0].read_bytes() == SAMPLES["gif"]
