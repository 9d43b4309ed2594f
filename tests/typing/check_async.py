"""Type-checked, never run: the async clients as an application uses them."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import assert_type

from openai_images_sdk import (
    AsyncAPIResponse,
    AsyncAzureImagesClient,
    AsyncCursorPage,
    AsyncImagesClient,
    AsyncPaginator,
    AsyncStream,
    ImageEditCompletedEvent,
    ImageEditPartialImageEvent,
    ImageEditStreamEvent,
    ImageGenCompletedEvent,
    ImageGenPartialImageEvent,
    ImageGenStreamEvent,
    ImagesResponse,
    ImagesUsage,
)
from openai_images_sdk._generated.models import Batch, OpenAIFile
from openai_images_sdk._response import AsyncRawAPIResponse, AsyncResponseContextManager

PNG = b"\x89PNG\r\n\x1a\n"


async def generate(client: AsyncImagesClient, flag: bool) -> None:
    assert_type(await client.images.generate(prompt="x"), ImagesResponse)
    assert_type(await client.images.generate(prompt="x", stream=False), ImagesResponse)
    assert_type(
        await client.images.generate(prompt="x", stream=True), AsyncStream[ImageGenStreamEvent]
    )
    assert_type(
        await client.images.generate(prompt="x", stream=flag),
        ImagesResponse | AsyncStream[ImageGenStreamEvent],
    )


async def edit(client: AsyncImagesClient, flag: bool) -> None:
    assert_type(await client.images.edit(image=PNG, prompt="x"), ImagesResponse)
    assert_type(
        await client.images.edit(image=[{"file_id": "file-1"}], prompt="x", stream=True),
        AsyncStream[ImageEditStreamEvent],
    )
    assert_type(
        await client.images.edit(image=PNG, prompt="x", stream=flag),
        ImagesResponse | AsyncStream[ImageEditStreamEvent],
    )
    assert_type(await client.images.create_variation(image=PNG), ImagesResponse)
    # R -> AsyncAPIResponse[R] per overload: the union sits inside for `stream: bool`.
    assert_type(
        await client.images.with_raw_response.edit(image=PNG, prompt="x", stream=flag),
        AsyncRawAPIResponse[ImagesResponse | AsyncStream[ImageEditStreamEvent]],
    )
    assert_type(
        await client.images.with_raw_response.create_variation(image=PNG),
        AsyncRawAPIResponse[ImagesResponse],
    )


async def results(result: ImagesResponse, folder: Path) -> None:
    assert_type(await result.asave_all(folder), list[Path])
    for image in result.data or []:
        assert_type(await image.adownload(), bytes)
        assert_type(await image.asave(folder / "a.png"), Path)


async def streams(client: AsyncImagesClient) -> None:
    async with await client.images.generate(prompt="x", stream=True) as stream:
        async for event in stream:
            assert_type(event, ImageGenPartialImageEvent | ImageGenCompletedEvent)
            if event.type == "image_generation.completed":
                assert_type(event.usage, ImagesUsage)
            else:
                assert_type(event.partial_image_index, int)
    gen_stream = await client.images.generate(prompt="x", stream=True)
    assert_type(await gen_stream.until_done(), ImageGenCompletedEvent)
    edit_stream = await client.images.edit(image=PNG, prompt="x", stream=True)
    assert_type(await edit_stream.__anext__(), ImageEditPartialImageEvent | ImageEditCompletedEvent)
    assert_type(await edit_stream.until_done(), ImageEditCompletedEvent)
    async for partial in edit_stream.partial_images():
        assert_type(partial, ImageEditPartialImageEvent)


async def raw_and_streaming_responses(client: AsyncImagesClient) -> None:
    # As in the official SDK: the raw response's body is read by the await, so `.parse()`
    # is synchronous; `with_streaming_response` keeps `await response.parse()`.
    raw = await client.images.with_raw_response.generate(prompt="x")
    assert_type(raw, AsyncRawAPIResponse[ImagesResponse])
    assert_type(raw.parse(), ImagesResponse)
    assert_type(await raw.read(), bytes)
    assert_type(raw.request_id, str | None)
    assert_type(
        await client.images.with_raw_response.generate(prompt="x", stream=True),
        AsyncRawAPIResponse[AsyncStream[ImageGenStreamEvent]],
    )
    assert_type(
        await client.images.with_raw_response.edit(image=PNG, prompt="x"),
        AsyncRawAPIResponse[ImagesResponse],
    )
    async with client.images.with_streaming_response.generate(prompt="x") as response:
        assert_type(response, AsyncAPIResponse[ImagesResponse])
        assert_type(await response.parse(), ImagesResponse)
        assert_type(response.iter_bytes(), AsyncIterator[bytes])
    async with client.images.with_streaming_response.edit(
        image=PNG, prompt="x", stream=True
    ) as response:
        assert_type(await response.parse(), AsyncStream[ImageEditStreamEvent])


async def clients() -> None:
    async with AsyncImagesClient(api_key="sk-...") as client:
        assert_type(client, AsyncImagesClient)
        assert_type(client.with_options(timeout=5.0), AsyncImagesClient)

    async def token() -> str:
        return "token"

    azure = AsyncAzureImagesClient(
        azure_endpoint="https://example.openai.azure.com",
        api_version="2025-04-01-preview",
        azure_ad_token_provider=token,
    )
    assert_type(await azure.images.generate(prompt="x"), ImagesResponse)
    await azure.close()


async def raw_and_streaming_responses_of_streams(client: AsyncImagesClient, flag: bool) -> None:
    raw = await client.images.with_raw_response.generate(prompt="x", stream=True)
    assert_type(raw.parse(), AsyncStream[ImageGenStreamEvent])
    raw_edit = await client.images.with_raw_response.edit(image=PNG, prompt="x", stream=True)
    assert_type(raw_edit.parse(), AsyncStream[ImageEditStreamEvent])
    raw_either = await client.images.with_raw_response.generate(prompt="x", stream=flag)
    assert_type(raw_either.parse(), ImagesResponse | AsyncStream[ImageGenStreamEvent])
    streamed = client.images.with_streaming_response.generate(prompt="x", stream=True)
    assert_type(
        streamed, AsyncResponseContextManager[AsyncAPIResponse[AsyncStream[ImageGenStreamEvent]]]
    )
    async with streamed as response:
        assert_type(await response.parse(), AsyncStream[ImageGenStreamEvent])
    async with client.images.with_streaming_response.edit(
        image=PNG, prompt="x", stream=False
    ) as response:
        assert_type(await response.parse(), ImagesResponse)
    opened = await client.images.with_streaming_response.generate(prompt="x", stream=flag)
    assert_type(await opened.parse(), ImagesResponse | AsyncStream[ImageGenStreamEvent])
    await opened.close()


async def files_and_batches_responses(client: AsyncImagesClient) -> None:
    raw = await client.files.with_raw_response.retrieve(file_id="file-1")
    assert_type(raw.parse(), OpenAIFile)
    async with client.files.with_streaming_response.content(file_id="file-1") as response:
        assert_type(await response.read(), bytes)
    raw_batch = await client.batches.with_raw_response.create(
        input_file_id="file-1", endpoint="/v1/images/generations", completion_window="24h"
    )
    assert_type(raw_batch.parse(), Batch)


async def batches_list(client: AsyncImagesClient) -> None:
    paginator = client.batches.list(limit=10)
    assert_type(paginator, AsyncPaginator[Batch, AsyncCursorPage[Batch]])
    async for batch in client.batches.list():
        assert_type(batch, Batch)
    page = await client.batches.list()
    assert_type(page, AsyncCursorPage[Batch])
    assert_type(page.data, list[Batch])
    assert_type(page.has_next_page(), bool)
    assert_type(await page.get_next_page(), AsyncCursorPage[Batch])
    async for each in page.iter_pages():
        assert_type(each, AsyncCursorPage[Batch])
    async for item in page:
        assert_type(item, Batch)
    raw = await client.batches.with_raw_response.list()
    assert_type(raw.parse(), AsyncCursorPage[Batch])
    async with client.batches.with_streaming_response.list() as response:
        assert_type(await response.parse(), AsyncCursorPage[Batch])
