"""Type-checked, never run: calls the types must refuse.

Every line below is an error that both checkers must keep reporting: mypy under
``# type: ignore[<code>]`` (with warn_unused_ignores), pyright under
``# pyright: ignore[<rule>]`` (with reportUnnecessaryTypeIgnoreComment and type: ignore
comments disabled for tests/typing). If a signature loosens so that a line type-checks,
its ignore comment becomes unused and the check fails.
"""

from __future__ import annotations

from openai_images_sdk import (
    NOT_GIVEN,
    APIConnectionError,
    AsyncImagesClient,
    ImageEditPartialImageEvent,
    ImageGenStreamEvent,
    ImagesClient,
    ImagesResponse,
    Stream,
    ValidationError,
)

PNG = b"\x89PNG\r\n\x1a\n"


def generate(client: ImagesClient) -> None:
    images = client.images
    images.generate(prompt=1)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    images.generate(prompt="x", stream="yes")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    images.generate()  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    images.generate(prompt="x", colour="blue")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    images.generate(prompt="x", quality="ultra")  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    images.generate(prompt="x", output_format="tiff")  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    images.generate(prompt="x", n="2")  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    images.generate(prompt=NOT_GIVEN)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    images.generate(prompt="x", svg={"reasoning": {"effort": "low"}})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    images.generate(prompt="x", svg={"model": "m", "reasoning": {"effort": "extreme"}})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]


def edit_and_variation(client: ImagesClient) -> None:
    images = client.images
    images.edit(prompt="x")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    images.edit(image=PNG, prompt="x", markup={"file_id": "file-1"})  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    images.edit(image=PNG, prompt="x", style="vivid")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    images.create_variation(image=PNG, stream=True)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    images.create_variation(image=PNG, size="2048x2048")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    images.create_variation(image=PNG, prompt="x")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def models(result: ImagesResponse, stream: Stream[ImageGenStreamEvent]) -> None:
    print(result.data[0])  # type: ignore[index]  # pyright: ignore[reportOptionalSubscript, reportUnknownArgumentType]
    result.created = 2  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]
    for event in stream:
        print(event.usage)  # type: ignore[union-attr]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownArgumentType]


def errors(connection: APIConnectionError, invalid: ValidationError) -> int:
    invalid.violations[0].param = "other"  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]
    return connection.status_code  # type: ignore[attr-defined,no-any-return]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownVariableType]


async def forgotten_await(client: AsyncImagesClient) -> ImagesResponse:
    return client.images.generate(prompt="x")  # type: ignore[return-value]  # pyright: ignore[reportReturnType]


async def sync_loop_over_async_stream(client: AsyncImagesClient) -> None:
    stream = await client.images.generate(prompt="x", stream=True)
    for event in stream:  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues, reportUnknownVariableType]
        print(event)  # pyright: ignore[reportUnknownArgumentType]


def raw_and_streaming_variants(client: ImagesClient) -> Stream[ImageGenStreamEvent]:
    raw = client.images.with_raw_response
    raw.generate(prompt="x", colour="blue")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    raw.generate(prompt="x", stream="yes")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue, reportArgumentType]
    raw.edit(prompt="x")  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    client.images.with_streaming_response.generate(prompt=1)  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    client.images.with_streaming_response.create_variation(image=PNG, stream=True)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    return raw.generate(prompt="x").parse()  # type: ignore[return-value]  # pyright: ignore[reportReturnType]


async def async_raw_and_streaming_variants(client: AsyncImagesClient) -> None:
    await client.images.with_raw_response.generate(prompt="x", quality="ultra")  # type: ignore[call-overload]  # pyright: ignore[reportArgumentType]
    client.images.with_streaming_response.edit(image=PNG)  # type: ignore[call-overload]  # pyright: ignore[reportCallIssue]
    await client.files.with_raw_response.retrieve()  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


async def awaited_raw_parse(client: AsyncImagesClient) -> None:
    raw = await client.images.with_raw_response.generate(prompt="x")
    await raw.parse()  # type: ignore[misc]  # pyright: ignore[reportGeneralTypeIssues]


async def unawaited_async_list(client: AsyncImagesClient) -> None:
    print(client.batches.list().data)  # type: ignore[attr-defined]  # pyright: ignore[reportAttributeAccessIssue, reportUnknownMemberType, reportUnknownArgumentType]
    for batch in client.batches.list():  # type: ignore[attr-defined]  # pyright: ignore[reportGeneralTypeIssues, reportUnknownVariableType]
        print(batch)  # pyright: ignore[reportUnknownArgumentType]


def read_only_attributes(client: ImagesClient) -> None:
    client.timeout = 5.0  # type: ignore[assignment]  # pyright: ignore[reportAttributeAccessIssue]
    raw = client.images.with_raw_response.generate(prompt="x")
    raw.status_code = 200  # type: ignore[assignment]  # pyright: ignore[reportAttributeAccessIssue]


def model_dump_options(result: ImagesResponse) -> None:
    result.model_dump(exclude_unset="no")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    result.model_dump(indent=2)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    result.model_dump_json(mode="json")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]


def stream_callbacks(client: ImagesClient) -> None:
    def on_edit_partial(event: ImageEditPartialImageEvent) -> None: ...

    stream = client.images.generate(prompt="x", stream=True)
    stream.until_done(on_partial=on_edit_partial)  # type: ignore[arg-type]  # pyright: ignore[reportCallIssue, reportArgumentType]
