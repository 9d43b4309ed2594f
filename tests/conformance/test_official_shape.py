"""Calling code in the shape of the official SDK's own resource tests, import swapped.

The official `openai` package tests every operation four ways (the method with the
required parameters only, the method with all of them, ``with_raw_response`` and
``with_streaming_response``), sync and async, the streaming overloads too. These tests
are written the same way with only the import changed, and run against steady serving
our spec as written (``spec``) and with closed request bodies (``spec-closed``): every
request the clients send must conform (no 4xx, no finding in steady's headers).

steady never sends an image's completed event (see test_conformance.py), so, as in the
official tests, the streams are closed rather than read to the end.

What differs from the official tests, and why (also in the README's migration section):

- Inputs are valid images (`png()`), not ``b"raw file contents"``: the SDK checks an
  image before sending and refuses bytes that are not one.
- Values are ones the API takes (``model="gpt-image-1.5"``, not ``"string"``), for
  the same reason: a value no model takes is refused before sending. So
  ``create_variation`` is called without ``model``: its only model, dall-e-2, is retired
  and refused.
- ``user`` is deprecated in favour of ``safety_identifier`` (a `DeprecationWarning`), so
  the image calls pass ``safety_identifier``.
- ``create_variation`` warns `DeprecationWarning` (the endpoint was retired with
  dall-e-2), so its calls are wrapped in ``pytest.warns``.
- The ``X-Stainless-*`` headers are not sent; the tests check the request's path instead.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator
from typing import Any, Final, cast

import httpx
import pytest

from conformance._steady import Recorder, SteadyPool, png
from openai_images_sdk import (
    AsyncCursorPage,
    AsyncStream,
    BinaryContent,
    ImagesResponse,
    Stream,
    SyncCursorPage,
)
from openai_images_sdk import AsyncImagesClient as AsyncOpenAI
from openai_images_sdk import ImagesClient as OpenAI
from openai_images_sdk._generated.models import Batch, DeleteFileResponse, OpenAIFile

pytestmark = pytest.mark.conformance

IMAGE: Final = png(64, 64)
STEADY_HEADERS: Final = {"X-Steady-Stream-Count": "2", "X-Steady-Stream-Interval-Ms": "0"}
"""Short, fast event streams: steady's knobs, not part of what is checked."""

parametrize = pytest.mark.parametrize("target", ["spec", "spec-closed"])


def assert_conforms(recorder: Recorder) -> None:
    for exchange in recorder.exchanges:
        assert not exchange.problems(), (exchange.method, exchange.url, exchange.problems())


@pytest.fixture
def client(steady: SteadyPool, target: str) -> Iterator[OpenAI]:
    recorder = Recorder()
    http = cast("httpx.Client", recorder.http_client(is_async=False))
    with (
        http,
        OpenAI(
            api_key="My API Key",
            base_url=steady.get(target).base_url,
            max_retries=0,
            http_client=http,
            default_headers=STEADY_HEADERS,
        ) as sdk,
    ):
        yield sdk
    assert_conforms(recorder)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def async_client(steady: SteadyPool, target: str) -> AsyncIterator[AsyncOpenAI]:
    recorder = Recorder()
    http = cast("httpx.AsyncClient", recorder.http_client(is_async=True))
    async with (
        http,
        AsyncOpenAI(
            api_key="My API Key",
            base_url=steady.get(target).base_url,
            max_retries=0,
            http_client=http,
            default_headers=STEADY_HEADERS,
        ) as sdk,
    ):
        yield sdk
    assert_conforms(recorder)


def retired() -> contextlib.AbstractContextManager[Any]:
    return pytest.warns(DeprecationWarning, match="retired")


GENERATE_ALL: Final[dict[str, Any]] = {
    "background": "transparent",
    "model": "gpt-image-1.5",
    "moderation": "low",
    "n": 1,
    "output_compression": 100,
    "output_format": "webp",
    "quality": "medium",
    "size": "1024x1024",
    "safety_identifier": "user-1234",
}
EDIT_ALL: Final[dict[str, Any]] = {
    "background": "transparent",
    "input_fidelity": "high",
    "mask": IMAGE,
    "model": "gpt-image-1.5",
    "n": 1,
    "output_compression": 100,
    "output_format": "webp",
    "quality": "high",
    "size": "1024x1024",
    "safety_identifier": "user-1234",
}
VARIATION_ALL: Final[dict[str, Any]] = {
    "n": 1,
    "response_format": "url",
    "size": "1024x1024",
    "user": "user-1234",
}
BATCH_ALL: Final[dict[str, Any]] = {
    "metadata": {"foo": "string"},
    "output_expires_after": {"anchor": "created_at", "seconds": 3600},
}


@parametrize
class TestImages:
    def test_method_create_variation(self, client: OpenAI) -> None:
        with retired():
            image = client.images.create_variation(image=IMAGE)
        assert isinstance(image, ImagesResponse)

    def test_method_create_variation_with_all_params(self, client: OpenAI) -> None:
        with retired(), pytest.warns(DeprecationWarning, match="user is deprecated"):
            image = client.images.create_variation(image=IMAGE, **VARIATION_ALL)
        assert isinstance(image, ImagesResponse)

    def test_raw_response_create_variation(self, client: OpenAI) -> None:
        with retired():
            response = client.images.with_raw_response.create_variation(image=IMAGE)
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/images/variations")
        image = response.parse()
        assert isinstance(image, ImagesResponse)

    def test_streaming_response_create_variation(self, client: OpenAI) -> None:
        with (
            retired(),
            client.images.with_streaming_response.create_variation(image=IMAGE) as response,
        ):
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/images/variations")
            image = response.parse()
            assert isinstance(image, ImagesResponse)
        assert cast(Any, response.is_closed) is True

    def test_method_edit_overload_1(self, client: OpenAI) -> None:
        image = client.images.edit(image=IMAGE, prompt="A cute baby sea otter wearing a beret")
        assert isinstance(image, ImagesResponse)

    def test_method_edit_with_all_params_overload_1(self, client: OpenAI) -> None:
        image = client.images.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret", stream=False, **EDIT_ALL
        )
        assert isinstance(image, ImagesResponse)

    def test_raw_response_edit_overload_1(self, client: OpenAI) -> None:
        response = client.images.with_raw_response.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret"
        )
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/images/edits")
        image = response.parse()
        assert isinstance(image, ImagesResponse)

    def test_streaming_response_edit_overload_1(self, client: OpenAI) -> None:
        with client.images.with_streaming_response.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret"
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/images/edits")
            image = response.parse()
            assert isinstance(image, ImagesResponse)
        assert cast(Any, response.is_closed) is True

    def test_method_edit_overload_2(self, client: OpenAI) -> None:
        image_stream = client.images.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret", stream=True
        )
        assert isinstance(image_stream, Stream)
        image_stream.response.close()

    def test_method_edit_with_all_params_overload_2(self, client: OpenAI) -> None:
        image_stream = client.images.edit(
            image=IMAGE,
            prompt="A cute baby sea otter wearing a beret",
            stream=True,
            partial_images=1,
            **EDIT_ALL,
        )
        assert isinstance(image_stream, Stream)
        image_stream.response.close()

    def test_raw_response_edit_overload_2(self, client: OpenAI) -> None:
        response = client.images.with_raw_response.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret", stream=True
        )
        assert response.http_request.url.path.endswith("/images/edits")
        stream = response.parse()
        stream.close()
        assert response.is_closed

    def test_streaming_response_edit_overload_2(self, client: OpenAI) -> None:
        with client.images.with_streaming_response.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret", stream=True
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/images/edits")
            stream = response.parse()
            stream.close()
        assert cast(Any, response.is_closed) is True

    def test_method_generate_overload_1(self, client: OpenAI) -> None:
        image = client.images.generate(prompt="A cute baby sea otter")
        assert isinstance(image, ImagesResponse)

    def test_method_generate_with_all_params_overload_1(self, client: OpenAI) -> None:
        image = client.images.generate(prompt="A cute baby sea otter", stream=False, **GENERATE_ALL)
        assert isinstance(image, ImagesResponse)

    def test_raw_response_generate_overload_1(self, client: OpenAI) -> None:
        response = client.images.with_raw_response.generate(prompt="A cute baby sea otter")
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/images/generations")
        image = response.parse()
        assert isinstance(image, ImagesResponse)

    def test_streaming_response_generate_overload_1(self, client: OpenAI) -> None:
        with client.images.with_streaming_response.generate(
            prompt="A cute baby sea otter"
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/images/generations")
            image = response.parse()
            assert isinstance(image, ImagesResponse)
        assert cast(Any, response.is_closed) is True

    def test_method_generate_overload_2(self, client: OpenAI) -> None:
        image_stream = client.images.generate(prompt="A cute baby sea otter", stream=True)
        assert isinstance(image_stream, Stream)
        image_stream.response.close()

    def test_method_generate_with_all_params_overload_2(self, client: OpenAI) -> None:
        image_stream = client.images.generate(
            prompt="A cute baby sea otter", stream=True, partial_images=1, **GENERATE_ALL
        )
        assert isinstance(image_stream, Stream)
        image_stream.response.close()

    def test_raw_response_generate_overload_2(self, client: OpenAI) -> None:
        response = client.images.with_raw_response.generate(
            prompt="A cute baby sea otter", stream=True
        )
        assert response.http_request.url.path.endswith("/images/generations")
        stream = response.parse()
        stream.close()
        assert response.is_closed

    def test_streaming_response_generate_overload_2(self, client: OpenAI) -> None:
        with client.images.with_streaming_response.generate(
            prompt="A cute baby sea otter", stream=True
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/images/generations")
            stream = response.parse()
            stream.close()
        assert cast(Any, response.is_closed) is True


@parametrize
@pytest.mark.anyio
class TestAsyncImages:
    async def test_method_create_variation(self, async_client: AsyncOpenAI) -> None:
        with retired():
            image = await async_client.images.create_variation(image=IMAGE)
        assert isinstance(image, ImagesResponse)

    async def test_method_create_variation_with_all_params(self, async_client: AsyncOpenAI) -> None:
        with retired(), pytest.warns(DeprecationWarning, match="user is deprecated"):
            image = await async_client.images.create_variation(image=IMAGE, **VARIATION_ALL)
        assert isinstance(image, ImagesResponse)

    async def test_raw_response_create_variation(self, async_client: AsyncOpenAI) -> None:
        with retired():
            response = await async_client.images.with_raw_response.create_variation(image=IMAGE)
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/images/variations")
        image = response.parse()
        assert isinstance(image, ImagesResponse)

    async def test_streaming_response_create_variation(self, async_client: AsyncOpenAI) -> None:
        with retired():
            async with async_client.images.with_streaming_response.create_variation(
                image=IMAGE
            ) as response:
                assert not response.is_closed
                assert response.http_request.url.path.endswith("/images/variations")
                image = await response.parse()
                assert isinstance(image, ImagesResponse)
        assert cast(Any, response.is_closed) is True

    async def test_method_edit_overload_1(self, async_client: AsyncOpenAI) -> None:
        image = await async_client.images.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret"
        )
        assert isinstance(image, ImagesResponse)

    async def test_method_edit_with_all_params_overload_1(self, async_client: AsyncOpenAI) -> None:
        image = await async_client.images.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret", stream=False, **EDIT_ALL
        )
        assert isinstance(image, ImagesResponse)

    async def test_raw_response_edit_overload_1(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.images.with_raw_response.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret"
        )
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/images/edits")
        image = response.parse()
        assert isinstance(image, ImagesResponse)

    async def test_streaming_response_edit_overload_1(self, async_client: AsyncOpenAI) -> None:
        async with async_client.images.with_streaming_response.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret"
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/images/edits")
            image = await response.parse()
            assert isinstance(image, ImagesResponse)
        assert cast(Any, response.is_closed) is True

    async def test_method_edit_overload_2(self, async_client: AsyncOpenAI) -> None:
        image_stream = await async_client.images.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret", stream=True
        )
        assert isinstance(image_stream, AsyncStream)
        await image_stream.response.aclose()

    async def test_method_edit_with_all_params_overload_2(self, async_client: AsyncOpenAI) -> None:
        image_stream = await async_client.images.edit(
            image=IMAGE,
            prompt="A cute baby sea otter wearing a beret",
            stream=True,
            partial_images=1,
            **EDIT_ALL,
        )
        assert isinstance(image_stream, AsyncStream)
        await image_stream.response.aclose()

    async def test_raw_response_edit_overload_2(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.images.with_raw_response.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret", stream=True
        )
        assert response.http_request.url.path.endswith("/images/edits")
        stream = response.parse()
        await stream.close()
        assert response.is_closed

    async def test_streaming_response_edit_overload_2(self, async_client: AsyncOpenAI) -> None:
        async with async_client.images.with_streaming_response.edit(
            image=IMAGE, prompt="A cute baby sea otter wearing a beret", stream=True
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/images/edits")
            stream = await response.parse()
            await stream.close()
        assert cast(Any, response.is_closed) is True

    async def test_method_generate_overload_1(self, async_client: AsyncOpenAI) -> None:
        image = await async_client.images.generate(prompt="A cute baby sea otter")
        assert isinstance(image, ImagesResponse)

    async def test_method_generate_with_all_params_overload_1(
        self, async_client: AsyncOpenAI
    ) -> None:
        image = await async_client.images.generate(
            prompt="A cute baby sea otter", stream=False, **GENERATE_ALL
        )
        assert isinstance(image, ImagesResponse)

    async def test_raw_response_generate_overload_1(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.images.with_raw_response.generate(
            prompt="A cute baby sea otter"
        )
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/images/generations")
        image = response.parse()
        assert isinstance(image, ImagesResponse)

    async def test_streaming_response_generate_overload_1(self, async_client: AsyncOpenAI) -> None:
        async with async_client.images.with_streaming_response.generate(
            prompt="A cute baby sea otter"
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/images/generations")
            image = await response.parse()
            assert isinstance(image, ImagesResponse)
        assert cast(Any, response.is_closed) is True

    async def test_method_generate_overload_2(self, async_client: AsyncOpenAI) -> None:
        image_stream = await async_client.images.generate(
            prompt="A cute baby sea otter", stream=True
        )
        assert isinstance(image_stream, AsyncStream)
        await image_stream.response.aclose()

    async def test_method_generate_with_all_params_overload_2(
        self, async_client: AsyncOpenAI
    ) -> None:
        image_stream = await async_client.images.generate(
            prompt="A cute baby sea otter", stream=True, partial_images=1, **GENERATE_ALL
        )
        assert isinstance(image_stream, AsyncStream)
        await image_stream.response.aclose()

    async def test_raw_response_generate_overload_2(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.images.with_raw_response.generate(
            prompt="A cute baby sea otter", stream=True
        )
        assert response.http_request.url.path.endswith("/images/generations")
        stream = response.parse()
        await stream.close()
        assert response.is_closed

    async def test_streaming_response_generate_overload_2(self, async_client: AsyncOpenAI) -> None:
        async with async_client.images.with_streaming_response.generate(
            prompt="A cute baby sea otter", stream=True
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/images/generations")
            stream = await response.parse()
            await stream.close()
        assert cast(Any, response.is_closed) is True


@parametrize
class TestFiles:
    def test_method_create(self, client: OpenAI) -> None:
        file = client.files.create(file=b"raw file contents", purpose="assistants")
        assert isinstance(file, OpenAIFile)

    def test_method_create_with_all_params(self, client: OpenAI) -> None:
        file = client.files.create(
            file=b"raw file contents",
            purpose="assistants",
            expires_after={"anchor": "created_at", "seconds": 3600},
        )
        assert isinstance(file, OpenAIFile)

    def test_raw_response_create(self, client: OpenAI) -> None:
        response = client.files.with_raw_response.create(
            file=b"raw file contents", purpose="assistants"
        )
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/files")
        file = response.parse()
        assert isinstance(file, OpenAIFile)

    def test_streaming_response_create(self, client: OpenAI) -> None:
        with client.files.with_streaming_response.create(
            file=b"raw file contents", purpose="assistants"
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/files")
            file = response.parse()
            assert isinstance(file, OpenAIFile)
        assert cast(Any, response.is_closed) is True

    def test_method_retrieve(self, client: OpenAI) -> None:
        file = client.files.retrieve("file_id")
        assert isinstance(file, OpenAIFile)

    def test_raw_response_retrieve(self, client: OpenAI) -> None:
        response = client.files.with_raw_response.retrieve("file_id")
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/files/file_id")
        file = response.parse()
        assert isinstance(file, OpenAIFile)

    def test_streaming_response_retrieve(self, client: OpenAI) -> None:
        with client.files.with_streaming_response.retrieve("file_id") as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/files/file_id")
            file = response.parse()
            assert isinstance(file, OpenAIFile)
        assert cast(Any, response.is_closed) is True

    def test_path_params_retrieve(self, client: OpenAI) -> None:
        with pytest.raises(ValueError, match="file_id"):
            client.files.with_raw_response.retrieve("")

    def test_method_delete(self, client: OpenAI) -> None:
        file = client.files.delete("file_id")
        assert isinstance(file, DeleteFileResponse)

    def test_raw_response_delete(self, client: OpenAI) -> None:
        response = client.files.with_raw_response.delete("file_id")
        assert response.is_closed is True
        assert response.http_request.method == "DELETE"
        file = response.parse()
        assert isinstance(file, DeleteFileResponse)

    def test_streaming_response_delete(self, client: OpenAI) -> None:
        with client.files.with_streaming_response.delete("file_id") as response:
            assert not response.is_closed
            assert response.http_request.method == "DELETE"
            file = response.parse()
            assert isinstance(file, DeleteFileResponse)
        assert cast(Any, response.is_closed) is True

    def test_path_params_delete(self, client: OpenAI) -> None:
        with pytest.raises(ValueError, match="file_id"):
            client.files.with_raw_response.delete("")

    def test_method_content(self, client: OpenAI) -> None:
        file = client.files.content("file_id")
        assert isinstance(file, BinaryContent)
        assert file.content == file.read()

    def test_raw_response_content(self, client: OpenAI) -> None:
        response = client.files.with_raw_response.content("file_id")
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/files/file_id/content")
        file = response.parse()
        assert file == response.content

    def test_streaming_response_content(self, client: OpenAI) -> None:
        with client.files.with_streaming_response.content("file_id") as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/files/file_id/content")
            file = response.parse()
            assert isinstance(file, BinaryContent)
        assert cast(Any, response.is_closed) is True

    def test_path_params_content(self, client: OpenAI) -> None:
        with pytest.raises(ValueError, match="file_id"):
            client.files.with_raw_response.content("")


@parametrize
@pytest.mark.anyio
class TestAsyncFiles:
    async def test_method_create(self, async_client: AsyncOpenAI) -> None:
        file = await async_client.files.create(file=b"raw file contents", purpose="assistants")
        assert isinstance(file, OpenAIFile)

    async def test_method_create_with_all_params(self, async_client: AsyncOpenAI) -> None:
        file = await async_client.files.create(
            file=b"raw file contents",
            purpose="assistants",
            expires_after={"anchor": "created_at", "seconds": 3600},
        )
        assert isinstance(file, OpenAIFile)

    async def test_raw_response_create(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.files.with_raw_response.create(
            file=b"raw file contents", purpose="assistants"
        )
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/files")
        file = response.parse()
        assert isinstance(file, OpenAIFile)

    async def test_streaming_response_create(self, async_client: AsyncOpenAI) -> None:
        async with async_client.files.with_streaming_response.create(
            file=b"raw file contents", purpose="assistants"
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/files")
            file = await response.parse()
            assert isinstance(file, OpenAIFile)
        assert cast(Any, response.is_closed) is True

    async def test_method_retrieve(self, async_client: AsyncOpenAI) -> None:
        file = await async_client.files.retrieve("file_id")
        assert isinstance(file, OpenAIFile)

    async def test_raw_response_retrieve(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.files.with_raw_response.retrieve("file_id")
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/files/file_id")
        file = response.parse()
        assert isinstance(file, OpenAIFile)

    async def test_streaming_response_retrieve(self, async_client: AsyncOpenAI) -> None:
        async with async_client.files.with_streaming_response.retrieve("file_id") as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/files/file_id")
            file = await response.parse()
            assert isinstance(file, OpenAIFile)
        assert cast(Any, response.is_closed) is True

    async def test_path_params_retrieve(self, async_client: AsyncOpenAI) -> None:
        with pytest.raises(ValueError, match="file_id"):
            await async_client.files.with_raw_response.retrieve("")

    async def test_method_delete(self, async_client: AsyncOpenAI) -> None:
        file = await async_client.files.delete("file_id")
        assert isinstance(file, DeleteFileResponse)

    async def test_raw_response_delete(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.files.with_raw_response.delete("file_id")
        assert response.is_closed is True
        assert response.http_request.method == "DELETE"
        file = response.parse()
        assert isinstance(file, DeleteFileResponse)

    async def test_streaming_response_delete(self, async_client: AsyncOpenAI) -> None:
        async with async_client.files.with_streaming_response.delete("file_id") as response:
            assert not response.is_closed
            assert response.http_request.method == "DELETE"
            file = await response.parse()
            assert isinstance(file, DeleteFileResponse)
        assert cast(Any, response.is_closed) is True

    async def test_path_params_delete(self, async_client: AsyncOpenAI) -> None:
        with pytest.raises(ValueError, match="file_id"):
            await async_client.files.with_raw_response.delete("")

    async def test_method_content(self, async_client: AsyncOpenAI) -> None:
        file = await async_client.files.content("file_id")
        assert isinstance(file, BinaryContent)
        assert file.content == file.read()

    async def test_raw_response_content(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.files.with_raw_response.content("file_id")
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/files/file_id/content")
        file = response.parse()
        assert file == response.content

    async def test_streaming_response_content(self, async_client: AsyncOpenAI) -> None:
        async with async_client.files.with_streaming_response.content("file_id") as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/files/file_id/content")
            file = await response.parse()
            assert isinstance(file, BinaryContent)
        assert cast(Any, response.is_closed) is True

    async def test_path_params_content(self, async_client: AsyncOpenAI) -> None:
        with pytest.raises(ValueError, match="file_id"):
            await async_client.files.with_raw_response.content("")


@parametrize
class TestBatches:
    def test_method_create(self, client: OpenAI) -> None:
        batch = client.batches.create(
            completion_window="24h", endpoint="/v1/images/generations", input_file_id="file_id"
        )
        assert isinstance(batch, Batch)

    def test_method_create_with_all_params(self, client: OpenAI) -> None:
        batch = client.batches.create(
            completion_window="24h",
            endpoint="/v1/images/generations",
            input_file_id="file_id",
            **BATCH_ALL,
        )
        assert isinstance(batch, Batch)

    def test_raw_response_create(self, client: OpenAI) -> None:
        response = client.batches.with_raw_response.create(
            completion_window="24h", endpoint="/v1/images/generations", input_file_id="file_id"
        )
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/batches")
        batch = response.parse()
        assert isinstance(batch, Batch)

    def test_streaming_response_create(self, client: OpenAI) -> None:
        with client.batches.with_streaming_response.create(
            completion_window="24h", endpoint="/v1/images/generations", input_file_id="file_id"
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/batches")
            batch = response.parse()
            assert isinstance(batch, Batch)
        assert cast(Any, response.is_closed) is True

    def test_method_retrieve(self, client: OpenAI) -> None:
        batch = client.batches.retrieve("batch_id")
        assert isinstance(batch, Batch)

    def test_raw_response_retrieve(self, client: OpenAI) -> None:
        response = client.batches.with_raw_response.retrieve("batch_id")
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/batches/batch_id")
        batch = response.parse()
        assert isinstance(batch, Batch)

    def test_streaming_response_retrieve(self, client: OpenAI) -> None:
        with client.batches.with_streaming_response.retrieve("batch_id") as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/batches/batch_id")
            batch = response.parse()
            assert isinstance(batch, Batch)
        assert cast(Any, response.is_closed) is True

    def test_path_params_retrieve(self, client: OpenAI) -> None:
        with pytest.raises(ValueError, match="batch_id"):
            client.batches.with_raw_response.retrieve("")

    def test_method_list(self, client: OpenAI) -> None:
        batch = client.batches.list()
        assert isinstance(batch, SyncCursorPage)
        assert all(isinstance(item, Batch) for item in batch.data)

    def test_method_list_with_all_params(self, client: OpenAI) -> None:
        batch = client.batches.list(after="after", limit=1)
        assert isinstance(batch, SyncCursorPage)

    def test_raw_response_list(self, client: OpenAI) -> None:
        response = client.batches.with_raw_response.list()
        assert response.is_closed is True
        assert response.http_request.method == "GET"
        batch = response.parse()
        assert isinstance(batch, SyncCursorPage)

    def test_streaming_response_list(self, client: OpenAI) -> None:
        with client.batches.with_streaming_response.list() as response:
            assert not response.is_closed
            assert response.http_request.method == "GET"
            batch = response.parse()
            assert isinstance(batch, SyncCursorPage)
        assert cast(Any, response.is_closed) is True

    def test_method_cancel(self, client: OpenAI) -> None:
        batch = client.batches.cancel("batch_id")
        assert isinstance(batch, Batch)

    def test_raw_response_cancel(self, client: OpenAI) -> None:
        response = client.batches.with_raw_response.cancel("batch_id")
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/batches/batch_id/cancel")
        batch = response.parse()
        assert isinstance(batch, Batch)

    def test_streaming_response_cancel(self, client: OpenAI) -> None:
        with client.batches.with_streaming_response.cancel("batch_id") as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/batches/batch_id/cancel")
            batch = response.parse()
            assert isinstance(batch, Batch)
        assert cast(Any, response.is_closed) is True

    def test_path_params_cancel(self, client: OpenAI) -> None:
        with pytest.raises(ValueError, match="batch_id"):
            client.batches.with_raw_response.cancel("")


@parametrize
@pytest.mark.anyio
class TestAsyncBatches:
    async def test_method_create(self, async_client: AsyncOpenAI) -> None:
        batch = await async_client.batches.create(
            completion_window="24h", endpoint="/v1/images/generations", input_file_id="file_id"
        )
        assert isinstance(batch, Batch)

    async def test_method_create_with_all_params(self, async_client: AsyncOpenAI) -> None:
        batch = await async_client.batches.create(
            completion_window="24h",
            endpoint="/v1/images/generations",
            input_file_id="file_id",
            **BATCH_ALL,
        )
        assert isinstance(batch, Batch)

    async def test_raw_response_create(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.batches.with_raw_response.create(
            completion_window="24h", endpoint="/v1/images/generations", input_file_id="file_id"
        )
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/batches")
        batch = response.parse()
        assert isinstance(batch, Batch)

    async def test_streaming_response_create(self, async_client: AsyncOpenAI) -> None:
        async with async_client.batches.with_streaming_response.create(
            completion_window="24h", endpoint="/v1/images/generations", input_file_id="file_id"
        ) as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/batches")
            batch = await response.parse()
            assert isinstance(batch, Batch)
        assert cast(Any, response.is_closed) is True

    async def test_method_retrieve(self, async_client: AsyncOpenAI) -> None:
        batch = await async_client.batches.retrieve("batch_id")
        assert isinstance(batch, Batch)

    async def test_raw_response_retrieve(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.batches.with_raw_response.retrieve("batch_id")
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/batches/batch_id")
        batch = response.parse()
        assert isinstance(batch, Batch)

    async def test_streaming_response_retrieve(self, async_client: AsyncOpenAI) -> None:
        async with async_client.batches.with_streaming_response.retrieve("batch_id") as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/batches/batch_id")
            batch = await response.parse()
            assert isinstance(batch, Batch)
        assert cast(Any, response.is_closed) is True

    async def test_path_params_retrieve(self, async_client: AsyncOpenAI) -> None:
        with pytest.raises(ValueError, match="batch_id"):
            await async_client.batches.with_raw_response.retrieve("")

    async def test_method_list(self, async_client: AsyncOpenAI) -> None:
        batch = await async_client.batches.list()
        assert isinstance(batch, AsyncCursorPage)
        assert all(isinstance(item, Batch) for item in batch.data)

    async def test_method_list_with_all_params(self, async_client: AsyncOpenAI) -> None:
        batch = await async_client.batches.list(after="after", limit=1)
        assert isinstance(batch, AsyncCursorPage)

    async def test_raw_response_list(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.batches.with_raw_response.list()
        assert response.is_closed is True
        assert response.http_request.method == "GET"
        batch = response.parse()
        assert isinstance(batch, AsyncCursorPage)

    async def test_streaming_response_list(self, async_client: AsyncOpenAI) -> None:
        async with async_client.batches.with_streaming_response.list() as response:
            assert not response.is_closed
            assert response.http_request.method == "GET"
            batch = await response.parse()
            assert isinstance(batch, AsyncCursorPage)
        assert cast(Any, response.is_closed) is True

    async def test_method_cancel(self, async_client: AsyncOpenAI) -> None:
        batch = await async_client.batches.cancel("batch_id")
        assert isinstance(batch, Batch)

    async def test_raw_response_cancel(self, async_client: AsyncOpenAI) -> None:
        response = await async_client.batches.with_raw_response.cancel("batch_id")
        assert response.is_closed is True
        assert response.http_request.url.path.endswith("/batches/batch_id/cancel")
        batch = response.parse()
        assert isinstance(batch, Batch)

    async def test_streaming_response_cancel(self, async_client: AsyncOpenAI) -> None:
        async with async_client.batches.with_streaming_response.cancel("batch_id") as response:
            assert not response.is_closed
            assert response.http_request.url.path.endswith("/batches/batch_id/cancel")
            batch = await response.parse()
            assert isinstance(batch, Batch)
        assert cast(Any, response.is_closed) is True

    async def test_path_params_cancel(self, async_client: AsyncOpenAI) -> None:
        with pytest.raises(ValueError, match="batch_id"):
            await async_client.batches.with_raw_response.cancel("")
