"""Type-checked, never run: the blocking clients as an application uses them.

mypy --strict and pyright (strict) must find no error here; every `assert_type` pins
the type an overload or a model field gives, so a change to the generated signatures
shows up as a failure of this file.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal, assert_type

import httpx

from openai_images_sdk import (
    NOT_GIVEN,
    APIConnectionError,
    APIResponse,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AzureImagesClient,
    ContentPolicyViolationError,
    ErrorObject,
    Image,
    ImageEditCompletedEvent,
    ImageEditPartialImageEvent,
    ImageEditStreamEvent,
    ImageGenCompletedEvent,
    ImageGenPartialImageEvent,
    ImageGenStreamEvent,
    ImageGenUsage,
    ImageRefParam,
    ImagesClient,
    ImagesResponse,
    ImagesUsage,
    ImageSvgOptions,
    ImageSvgReasoning,
    NotGiven,
    Omit,
    OpenAIError,
    RateLimitError,
    RateLimits,
    RawAPIResponse,
    Stream,
    SyncCursorPage,
    ValidationError,
    Violation,
)
from openai_images_sdk._generated.models import Batch, OpenAIFile
from openai_images_sdk._response import ResponseContextManager

PNG = b"\x89PNG\r\n\x1a\n"


def generate(client: ImagesClient, flag: bool) -> None:
    assert_type(client.images.generate(prompt="a lighthouse"), ImagesResponse)
    assert_type(client.images.generate(prompt="a lighthouse", stream=False), ImagesResponse)
    assert_type(client.images.generate(prompt="a lighthouse", stream=None), ImagesResponse)
    assert_type(
        client.images.generate(prompt="a lighthouse", stream=True),
        Stream[ImageGenStreamEvent],
    )
    assert_type(
        client.images.generate(prompt="a lighthouse", stream=flag),
        ImagesResponse | Stream[ImageGenStreamEvent],
    )
    assert_type(
        client.images.generate(
            prompt="a lighthouse",
            model="gpt-image-2",
            n=2,
            quality="xhigh",
            complexity="high",
            output_format="webp",
            output_compression=80,
            size="2048x1152",
            moderation="low",
            background="opaque",
            safety_identifier="user-1",
            extra_headers={"X-Trace": "1"},
            extra_query={"debug": "1"},
            extra_body={"new_field": True},
            timeout=httpx.Timeout(30.0),
            validation="warn",
        ),
        ImagesResponse,
    )
    assert_type(
        client.images.generate(
            prompt="an icon",
            output_format="svg",
            svg=ImageSvgOptions(model="gpt-5", reasoning=ImageSvgReasoning(effort="low")),
        ),
        ImagesResponse,
    )
    assert_type(
        client.images.generate(
            prompt="an icon", output_format="svg", svg={"model": "gpt-5", "reasoning": {}}
        ),
        ImagesResponse,
    )
    assert_type(
        client.images.generate(prompt="a blink", output_format="gif", frame_count=4),
        ImagesResponse,
    )
    model: str = "a-model-from-config"
    assert_type(client.images.generate(prompt="x", model=model, size="640x480"), ImagesResponse)
    assert_type(client.images.generate(prompt="x", n=NOT_GIVEN), ImagesResponse)


def edit(client: ImagesClient, path: Path, flag: bool) -> None:
    assert_type(client.images.edit(image=PNG, prompt="a boat"), ImagesResponse)
    assert_type(client.images.edit(image=path, prompt="a boat"), ImagesResponse)
    assert_type(client.images.edit(image=str(path), prompt="a boat"), ImagesResponse)
    assert_type(client.images.edit(image=io.BytesIO(PNG), prompt="a boat"), ImagesResponse)
    assert_type(
        client.images.edit(image=("a.png", PNG, "image/png"), prompt="a boat"), ImagesResponse
    )
    assert_type(
        client.images.edit(image=[PNG] * 16, mask=path, prompt="a boat", input_fidelity="high"),
        ImagesResponse,
    )
    assert_type(client.images.edit(image=[PNG], markup=PNG, prompt="a boat"), ImagesResponse)
    assert_type(
        client.images.edit(
            image=[{"image_url": "https://example.com/a.png"}, ImageRefParam(file_id="file-1")],
            mask={"file_id": "file-2"},
            prompt="a boat",
        ),
        ImagesResponse,
    )
    assert_type(
        client.images.edit(image=PNG, prompt="a boat", stream=True),
        Stream[ImageEditStreamEvent],
    )
    assert_type(
        client.images.edit(image=PNG, prompt="a boat", stream=flag),
        ImagesResponse | Stream[ImageEditStreamEvent],
    )
    assert_type(client.images.create_variation(image=PNG, n=2, size="256x256"), ImagesResponse)


def results(result: ImagesResponse, folder: Path) -> None:
    assert_type(result.created, int)
    assert_type(result.data, list[Image] | None)
    assert_type(result.usage, ImageGenUsage | None)
    assert_type(result.request_id, str | None)
    assert_type(result.rate_limits, RateLimits)
    assert_type(result.response_headers, httpx.Headers)
    assert_type(result.save_all(folder), list[Path])
    assert_type(result.to_dict(exclude_unset=False), dict[str, Any])
    assert_type(result.model_dump(mode="json", exclude_none=True), dict[str, Any])
    assert_type(result.model_dump_json(indent=2, exclude_unset=True), str)
    if result.usage is not None:
        assert_type(result.usage.total_tokens, int)
        assert_type(result.usage.input_tokens_details.image_tokens, int)
    for image in result.data or []:
        assert_type(image.b64_json, str | None)
        assert_type(image.url, str | None)
        assert_type(image.revised_prompt, str | None)
        assert_type(image.bytes(), bytes)
        assert_type(image.download(), bytes)
        assert_type(image.save(folder / "a.png"), Path)


def streams(client: ImagesClient, folder: Path) -> None:
    with client.images.generate(prompt="x", stream=True, partial_images=2) as stream:
        for event in stream:
            assert_type(event, ImageGenPartialImageEvent | ImageGenCompletedEvent)
            if event.type == "image_generation.completed":
                assert_type(event, ImageGenCompletedEvent)
                assert_type(event.usage, ImagesUsage)
                assert_type(event.usage.output_tokens, int)
                assert_type(event.safety_identifier, str | None)
            else:
                assert_type(event, ImageGenPartialImageEvent)
                assert_type(event.partial_image_index, int)
            assert_type(event.b64_json, str)
    gen_stream = client.images.generate(prompt="x", stream=True)
    assert_type(gen_stream.until_done(), ImageGenCompletedEvent)
    assert_type(gen_stream.completed, ImageGenStreamEvent | None)
    assert_type(gen_stream.partial_images(), Iterator[ImageGenPartialImageEvent])
    assert_type(gen_stream.save_to(folder / "{kind}-{index}.{ext}"), list[Path])
    edit_stream = client.images.edit(image=PNG, prompt="x", stream=True)
    assert_type(next(edit_stream), ImageEditPartialImageEvent | ImageEditCompletedEvent)
    assert_type(edit_stream.until_done(), ImageEditCompletedEvent)
    assert_type(edit_stream.partial_images(), Iterator[ImageEditPartialImageEvent])

    def on_gen_partial(event: ImageGenPartialImageEvent) -> None: ...
    def on_edit_completed(event: ImageEditCompletedEvent) -> None: ...
    def on_any(event: object) -> None: ...

    assert_type(gen_stream.until_done(on_partial=on_gen_partial), ImageGenCompletedEvent)
    assert_type(
        gen_stream.until_done(on_partial=on_any, on_completed=on_any), ImageGenCompletedEvent
    )
    assert_type(edit_stream.until_done(on_completed=on_edit_completed), ImageEditCompletedEvent)


def raw_and_streaming_responses(client: ImagesClient, flag: bool) -> None:
    raw = client.images.with_raw_response.generate(prompt="x")
    assert_type(raw, RawAPIResponse[ImagesResponse])
    assert_type(raw.parse(), ImagesResponse)
    assert_type(raw.headers, httpx.Headers)
    assert_type(raw.status_code, int)
    assert_type(raw.request_id, str | None)
    assert_type(raw.http_response, httpx.Response)
    assert_type(raw.http_request, httpx.Request)
    assert_type(raw.content, bytes)
    assert_type(raw.text, str)
    assert_type(raw.retries_taken, int)
    raw_stream = client.images.with_raw_response.generate(prompt="x", stream=True)
    assert_type(raw_stream, RawAPIResponse[Stream[ImageGenStreamEvent]])
    assert_type(
        client.images.with_raw_response.edit(image=PNG, prompt="x"), RawAPIResponse[ImagesResponse]
    )
    assert_type(
        client.images.with_raw_response.edit(image=PNG, prompt="x", stream=True),
        RawAPIResponse[Stream[ImageEditStreamEvent]],
    )
    assert_type(
        client.images.with_raw_response.create_variation(image=PNG),
        RawAPIResponse[ImagesResponse],
    )
    with client.images.with_streaming_response.generate(prompt="x") as response:
        assert_type(response, APIResponse[ImagesResponse])
        assert_type(response.parse(), ImagesResponse)
        assert_type(response.iter_bytes(), Iterator[bytes])
    with client.images.with_streaming_response.generate(prompt="x", stream=True) as response:
        assert_type(response.parse(), Stream[ImageGenStreamEvent])
    with client.images.with_streaming_response.edit(image=PNG, prompt="x") as response:
        assert_type(response.parse(), ImagesResponse)
    with client.images.with_streaming_response.edit(image=PNG, prompt="x", stream=True) as response:
        assert_type(response, APIResponse[Stream[ImageEditStreamEvent]])
    with client.images.with_streaming_response.create_variation(image=PNG) as response:
        assert_type(response, APIResponse[ImagesResponse])
    # The wrappers map each overload's answer R to RawAPIResponse[R]; for `stream: bool` that
    # is RawAPIResponse[A | B] (as in the official SDK); `.parse()` gives the same A | B.
    raw_either = client.images.with_raw_response.generate(prompt="x", stream=flag)
    assert_type(raw_either, RawAPIResponse[ImagesResponse | Stream[ImageGenStreamEvent]])
    assert_type(raw_either.parse(), ImagesResponse | Stream[ImageGenStreamEvent])
    raw_edit_either = client.images.with_raw_response.edit(image=PNG, prompt="x", stream=flag)
    assert_type(raw_edit_either, RawAPIResponse[ImagesResponse | Stream[ImageEditStreamEvent]])
    assert_type(raw_edit_either.parse(), ImagesResponse | Stream[ImageEditStreamEvent])


def raw_and_streaming_responses_of_streams(client: ImagesClient, flag: bool) -> None:
    assert_type(
        client.images.with_raw_response.generate(prompt="x", stream=True).parse(),
        Stream[ImageGenStreamEvent],
    )
    assert_type(
        client.images.with_raw_response.generate(prompt="x", stream=False).parse(),
        ImagesResponse,
    )
    assert_type(
        client.images.with_raw_response.edit(image=PNG, prompt="x", stream=True).parse(),
        Stream[ImageEditStreamEvent],
    )
    streamed = client.images.with_streaming_response.generate(prompt="x", stream=True)
    assert_type(streamed, ResponseContextManager[APIResponse[Stream[ImageGenStreamEvent]]])
    with client.images.with_streaming_response.generate(prompt="x", stream=flag) as response:
        assert_type(response.parse(), ImagesResponse | Stream[ImageGenStreamEvent])
    with client.images.with_streaming_response.edit(
        image=PNG, prompt="x", stream=False
    ) as response:
        assert_type(response.parse(), ImagesResponse)
    with client.images.with_streaming_response.edit(image=PNG, prompt="x", stream=True) as response:
        assert_type(response.parse(), Stream[ImageEditStreamEvent])


def files_and_batches_responses(client: ImagesClient) -> None:
    assert_type(
        client.files.with_raw_response.create(file=b"{}", purpose="batch").parse(), OpenAIFile
    )
    assert_type(client.files.with_raw_response.content(file_id="file-1").parse(), bytes)
    with client.files.with_streaming_response.content(file_id="file-1") as response:
        assert_type(response, APIResponse[bytes])
        assert_type(response.iter_bytes(), Iterator[bytes])
    assert_type(client.batches.with_raw_response.retrieve(batch_id="batch_1").parse(), Batch)
    with client.batches.with_streaming_response.cancel(batch_id="batch_1") as response:
        assert_type(response.parse(), Batch)


def errors(client: ImagesClient) -> None:
    try:
        client.images.generate(prompt="x")
    except ContentPolicyViolationError as error:
        assert_type(error.moderation_details, Mapping[str, Any] | None)
        assert_type(error.is_content_policy_violation, bool)
    except RateLimitError as error:
        assert_type(error.status_code, int)
        assert_type(error.request_id, str | None)
        assert_type(error.response, httpx.Response)
    except APIStatusError as error:
        assert_type(error.code, str | None)
        assert_type(error.param, str | None)
        assert_type(error.type, str | None)
        assert_type(error.error, ErrorObject | None)
        assert_type(error.body, object)
        assert_type(error.message, str)
    except APITimeoutError as error:
        assert_type(error.request, httpx.Request | None)
    except APIConnectionError as error:
        assert_type(error.message, str)
    except APIResponseValidationError as error:
        assert_type(error.status_code, int)
    except ValidationError as error:
        assert_type(error.violations, tuple[Violation, ...])
        assert_type(error.params, tuple[str, ...])
        for violation in error.violations:
            assert_type(violation.param, str)
            assert_type(violation.rule, str)
            assert_type(violation.value, object)
            assert_type(violation.model, str | None)
    except OpenAIError as error:
        assert_type(error, OpenAIError)


def clients() -> None:
    client = ImagesClient(api_key="sk-...", base_url="http://127.0.0.1:8080/v1", timeout=30.0)
    assert_type(client.with_options(max_retries=5), ImagesClient)
    assert_type(client.api_key, str | None)
    assert_type(client.base_url, httpx.URL)
    assert_type(client.default_headers, Mapping[str, str | Omit])
    assert_type(client.validation, Literal["strict", "warn", "off"])
    assert_type(client.max_stream_event_bytes, int | None)
    assert_type(client.timeout, httpx.Timeout)
    with ImagesClient(http_client=httpx.Client(), validation="off") as scoped:
        assert_type(scoped, ImagesClient)
    azure = AzureImagesClient(
        azure_endpoint="https://example.openai.azure.com",
        azure_deployment="gpt-image-1.5",
        api_version="2025-04-01-preview",
        azure_ad_token_provider=lambda: "token",
    )
    assert_type(azure.images.generate(prompt="x"), ImagesResponse)
    assert_type(azure.images.generate(prompt="x", stream=True), Stream[ImageGenStreamEvent])
    assert_type(NOT_GIVEN, NotGiven)


def batches_list(client: ImagesClient) -> None:
    page = client.batches.list(limit=10)
    assert_type(page, SyncCursorPage[Batch])
    for batch in page:
        assert_type(batch, Batch)
    assert_type(page.data, list[Batch])
    assert_type(page.has_more, bool | None)
    assert_type(page.has_next_page(), bool)
    assert_type(page.get_next_page(), SyncCursorPage[Batch])
    assert_type(page.iter_pages(), Iterator[SyncCursorPage[Batch]])
    assert_type(client.batches.with_raw_response.list().parse(), SyncCursorPage[Batch])
    with client.batches.with_streaming_response.list(after="batch_1") as response:
        assert_type(response.parse(), SyncCursorPage[Batch])
