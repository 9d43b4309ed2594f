"""`validation=` governs every upload rule, and input files fail with typed errors.

Through the real clients against the raw-socket loopback server: ``"off"`` sends what
the caller gave, ``"warn"`` warns and sends, ``"strict"`` raises before any byte is
sent; problems that make sending impossible raise in every mode.
"""

from __future__ import annotations

import os
import pathlib
import warnings
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from _loopback import LoopbackServer, Step
from _upload_ops import parse_multipart, png
from conftest import Driver

from openai_images_sdk import (
    APIConnectionError,
    ImagesClient,
    InputFileError,
    ValidationError,
    _concurrency,
)

pytestmark = pytest.mark.anyio

RESULT = {"created": 1, "data": []}
MODES = ("off", "warn", "strict")


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        running.default = Step.json(RESULT)
        yield running


def _parts(server: LoopbackServer, index: int = -1) -> list[Any]:
    received = server.requests[index]
    return parse_multipart(received.body, received.headers["content-type"])


def _image_parts(server: LoopbackServer) -> list[Any]:
    return [p for p in _parts(server) if p.name.startswith("image")]


# -- the three modes -------------------------------------------------------------------------


async def test_off_sends_seventeen_images(driver: Driver, server: LoopbackServer) -> None:
    client = driver.client(base_url=server.base_url, validation="off", max_retries=0)
    images = [png(8, 8)] * 17
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "off" says nothing
        await driver.run(client.images.edit(image=images, prompt="p", model="gpt-image-1.5"))
    parts = _image_parts(server)
    assert len(parts) == 17
    assert {p.name for p in parts} == {"image[]"}
    assert all(p.data == png(8, 8) for p in parts)
    await driver.close(client)


async def test_off_sends_a_non_image_as_octet_stream(
    driver: Driver, server: LoopbackServer, tmp_path: pathlib.Path
) -> None:
    notes = tmp_path / "notes.png"  # the name says PNG, the content says otherwise
    notes.write_bytes(b"not an image at all")
    client = driver.client(base_url=server.base_url, validation="off", max_retries=0)
    await driver.run(client.images.edit(image=[notes, b"\x00raw"], prompt="p"))
    [first, second] = _image_parts(server)
    assert (first.filename, first.content_type, first.data) == (
        "notes.png",
        "application/octet-stream",
        b"not an image at all",
    )
    assert (second.content_type, second.data) == ("application/octet-stream", b"\x00raw")
    await driver.close(client)


async def test_off_sends_an_empty_image_list_and_a_bad_mask(
    driver: Driver, server: LoopbackServer
) -> None:
    client = driver.client(base_url=server.base_url, max_retries=0)
    mask = png(4, 4, "RGB")  # no alpha, wrong size: two mask rules broken
    await driver.run(client.images.edit(image=png(8, 8), mask=mask, prompt="p", validation="off"))
    assert [p.name for p in _parts(server) if p.filename] == ["image", "mask"]
    await driver.run(client.images.edit(image=[], prompt="p", validation="off"))
    assert [p.name for p in _parts(server)] == ["prompt"]
    await driver.close(client)


async def test_warn_warns_at_the_callers_line_and_sends(
    driver: Driver, server: LoopbackServer
) -> None:
    client = driver.client(base_url=server.base_url, validation="warn", max_retries=0)
    with pytest.warns(UserWarning, match="sending it anyway") as seen:
        await driver.run(client.images.edit(image=[png(8, 8)] * 17, prompt="p"))
    assert len(_image_parts(server)) == 17
    [warning] = seen  # one warning for the whole request, upload rules included
    # The caller's line: this test for the sync client, the line awaiting the call for async.
    expected = "conftest.py" if driver.is_async else pathlib.Path(__file__).name
    assert pathlib.Path(warning.filename).name == expected
    assert str(warning.message) == (
        "1 problem with the request (sending it anyway, validation='warn'):\n"
        "  - image: takes at most 16 images per request, got 17"
    )
    await driver.close(client)


async def test_strict_raises_before_any_byte_is_sent(
    driver: Driver, server: LoopbackServer
) -> None:
    client = driver.client(base_url=server.base_url, max_retries=0)
    with pytest.raises(ValidationError) as caught:
        await driver.run(
            client.images.edit(image=[png(8, 8)] * 17, prompt="p", validation="strict")
        )
    assert caught.value.params == ("image",)
    with pytest.raises(ValidationError) as caught:
        await driver.run(client.images.edit(image=b"not an image", prompt="p"))
    assert [str(v) for v in caught.value.violations] == [
        "image: 'image' is not a PNG, JPEG, WEBP or GIF image (judged by its content, not its name)"
    ]
    assert server.requests == []
    await driver.close(client)


@pytest.mark.parametrize("mode", MODES)
async def test_files_that_cannot_be_sent_fail_in_every_mode(
    driver: Driver, server: LoopbackServer, tmp_path: pathlib.Path, mode: str
) -> None:
    client = driver.client(base_url=server.base_url, validation=mode, max_retries=0)
    cases = {
        "does not exist": tmp_path / "missing.png",
        "is a directory": tmp_path,
        "contains a NUL byte": f"{tmp_path}/a\x00b.png",
    }
    for fragment, image in cases.items():
        with pytest.raises(ValidationError) as caught:
            await driver.run(client.images.edit(image=image, prompt="p"))
        (violation,) = caught.value.violations
        assert violation.param == "image"
        expected = "No such file or directory" if fragment == "does not exist" else fragment
        assert expected in violation.rule
    assert server.requests == []
    await driver.close(client)


# -- messages --------------------------------------------------------------------------------


async def test_messages_name_the_parameter_once(
    driver: Driver, server: LoopbackServer, tmp_path: pathlib.Path
) -> None:
    client = driver.client(base_url=server.base_url, max_retries=0)
    missing = tmp_path / "gone.png"
    with pytest.raises(ValidationError) as caught:
        await driver.run(
            client.images.edit(
                image=[png(8, 8), missing],
                mask=("m.png", png(4, 4, "RGB")),
                prompt="p",
            )
        )
    lines = [str(v) for v in caught.value.violations]
    assert lines == [
        "mask: 'm.png' has no alpha channel: a mask needs an alpha channel "
        "(PNG colour type RGBA or LA, or a tRNS chunk)",
        "mask: 'm.png' is 4x4 but image[0] is 8x8: the mask must have the same width and "
        "height as the first image",
        f"image: [1] {str(missing)!r} cannot be read: No such file or directory",
    ]
    for line in lines:
        param, _, rest = line.partition(": ")
        assert f"{param}:" not in rest
        assert f"{param} (" not in rest
    await driver.close(client)


async def test_image_rules_list_the_models_formats(driver: Driver, server: LoopbackServer) -> None:
    client = driver.client(base_url=server.base_url, max_retries=0)
    with pytest.raises(ValidationError) as caught:
        await driver.run(
            client.images.edit(image=("a.txt", b"text"), prompt="p", model="gpt-image-1.5")
        )
    assert [str(v) for v in caught.value.violations] == [
        "image: 'a.txt' is not a PNG, JPEG or WEBP image (judged by its content, not its name)"
        " (model gpt-image-1.5)"
    ]
    gif = b"GIF89a" + b"\x08\x00\x08\x00\x00\x00\x00" + b";"
    with pytest.raises(ValidationError) as caught:
        await driver.run(client.images.edit(image=gif, prompt="p", model="gpt-image-1.5"))
    assert [str(v) for v in caught.value.violations] == [
        "image: 'image.gif' is a gif image, which this model does not take "
        "(it takes: png, jpeg, webp) (model gpt-image-1.5)"
    ]
    await driver.close(client)


# -- text that cannot be encoded -------------------------------------------------------------


@pytest.mark.parametrize("mode", MODES)
async def test_a_lone_surrogate_is_reported_against_its_parameter(
    driver: Driver, server: LoopbackServer, mode: str
) -> None:
    client = driver.client(base_url=server.base_url, validation=mode, max_retries=0)
    calls: list[Callable[[], Any]] = [
        lambda: client.images.generate(prompt="a \ud800 cat"),  # JSON body
        lambda: client.images.edit(image=png(8, 8), prompt="a \udcff cat"),  # multipart
    ]
    for call in calls:
        with pytest.raises(ValidationError) as caught:
            await driver.run(call())
        (violation,) = caught.value.violations
        assert violation.param == "prompt"
        assert "lone surrogate" in violation.rule
        assert "which UTF-8 cannot encode" in violation.rule
    assert server.requests == []
    await driver.close(client)


# -- files that change between attempts ------------------------------------------------------


@pytest.mark.parametrize("change", ["shrinks", "disappears"])
async def test_a_file_that_changes_between_attempts_is_a_typed_error(
    driver: Driver,
    server: LoopbackServer,
    tmp_path: pathlib.Path,
    monkeypatch: pytest.MonkeyPatch,
    change: str,
) -> None:
    path = tmp_path / "photo.png"
    path.write_bytes(png(8, 8) + b"\x00" * 100_000)

    def between_attempts() -> None:
        if change == "shrinks":
            path.write_bytes(png(8, 8))
        else:
            path.unlink()

    async def async_sleep(seconds: float) -> None:
        between_attempts()

    monkeypatch.setattr(_concurrency, "sleep", lambda seconds: between_attempts())
    monkeypatch.setattr(_concurrency, "async_sleep", async_sleep)
    server.script(Step.reset())
    client = driver.client(base_url=server.base_url, max_retries=2)
    with pytest.raises(InputFileError) as caught:
        await driver.run(client.images.edit(image=[png(8, 8), path], prompt="p"))
    error = caught.value
    assert not isinstance(error, APIConnectionError)  # not retried as a network fault
    assert isinstance(error, OSError)
    assert (error.param, error.label) == ("image", "image[1]")
    assert str(error).startswith("image: [1] 'photo.png' ")
    if change == "shrinks":
        assert "changed while being uploaded" in str(error)
    else:
        assert "No such file or directory" in str(error)
    await driver.close(client)


# -- no file left open after a failed attempt -------------------------------------------------


def _open_fds_of(path: pathlib.Path) -> int:
    count = 0
    for name in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{name}") == str(path):
                count += 1
        except OSError:
            continue
    return count


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="needs /proc/self/fd")
def test_sync_uploads_close_the_files_of_failed_attempts(
    server: LoopbackServer, tmp_path: pathlib.Path, retry_sleeps: list[float]
) -> None:
    import gc

    path = tmp_path / "big.png"
    path.write_bytes(png(8, 8) + os.urandom(2_000_000))
    client = ImagesClient(api_key="sk-test", base_url=server.base_url, max_retries=2)
    gc.disable()  # the files must close without the cyclic collector
    try:
        for _ in range(10):
            server.script(
                Step(reset_after_request_bytes=300_000),
                Step(reset_after_request_bytes=600_000),
            )
            client.images.edit(image=path, prompt="p")
            assert _open_fds_of(path) == 0
            server.script(*[Step(reset_after_request_bytes=300_000)] * 3)
            with pytest.raises(APIConnectionError):
                client.images.edit(image=path, prompt="p")
            assert _open_fds_of(path) == 0
    finally:
        gc.enable()
        client.close()
    assert len(retry_sleeps) == 40
