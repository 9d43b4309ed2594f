# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: da38249b4bf6f670aacadce1a2c1271414a88fc48e7b1964227645a71bf6b650
"""Resource classes with one method per operation (generated sync and async twins)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Literal, cast, overload

import httpx

from openai_images_sdk._resource import AsyncAPIResource, SyncAPIResource, documented
from openai_images_sdk._types import (
    NOT_GIVEN,
    Body,
    FileTypes,
    Headers,
    NotGiven,
    Query,
    ValidationMode,
)
from openai_images_sdk._wrappers import (
    async_to_raw_response_wrapper,
    async_to_streamed_response_wrapper,
    to_raw_response_wrapper,
    to_streamed_response_wrapper,
)

from . import docs
from .operations import (
    CANCEL_BATCH,
    CREATE_BATCH,
    CREATE_FILE,
    CREATE_IMAGE,
    CREATE_IMAGE_EDIT,
    CREATE_IMAGE_VARIATION,
    DELETE_FILE,
    DOWNLOAD_FILE,
    LIST_BATCHES,
    RETRIEVE_BATCH,
    RETRIEVE_FILE,
)

if TYPE_CHECKING:
    from openai_images_sdk._async.transport import AsyncAPIClient
    from openai_images_sdk._pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
    from openai_images_sdk._streaming import AsyncStream, Stream
    from openai_images_sdk._sync.transport import SyncAPIClient

    from .models import (
        Batch,
        BatchEndpoint,
        BatchFileExpirationAfter,
        BatchFileExpirationAfterDict,
        DeleteFileResponse,
        FileExpirationAfter,
        FileExpirationAfterDict,
        FilePurpose,
        ImageBackground,
        ImageComplexity,
        ImageEditJsonQuality,
        ImageEditModel,
        ImageEditQuality,
        ImageEditSize,
        ImageEditStreamEvent,
        ImageGenStreamEvent,
        ImageModel,
        ImageModeration,
        ImageOutputFormat,
        ImageQuality,
        ImageRefParam,
        ImageRefParamDict,
        ImageResponseFormat,
        ImageSize,
        ImagesResponse,
        ImageStyle,
        ImageSvgOptions,
        ImageSvgOptionsDict,
        ImageVariationModel,
        ImageVariationSize,
        InputFidelity,
        Metadata,
        OpenAIFile,
    )

__all__ = [
    "AsyncBatches",
    "AsyncBatchesWithRawResponse",
    "AsyncBatchesWithStreamingResponse",
    "AsyncClientResources",
    "AsyncFiles",
    "AsyncFilesWithRawResponse",
    "AsyncFilesWithStreamingResponse",
    "AsyncImages",
    "AsyncImagesWithRawResponse",
    "AsyncImagesWithStreamingResponse",
    "Batches",
    "BatchesWithRawResponse",
    "BatchesWithStreamingResponse",
    "ClientResources",
    "Files",
    "FilesWithRawResponse",
    "FilesWithStreamingResponse",
    "Images",
    "ImagesWithRawResponse",
    "ImagesWithStreamingResponse",
]


class Images(SyncAPIResource):
    """Create images from a prompt, edit images, and (retired) make variations (synchronous)."""

    @functools.cached_property
    def with_raw_response(self) -> ImagesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return ImagesWithRawResponse(self)

    @functools.cached_property
    def with_streaming_response(self) -> ImagesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return ImagesWithStreamingResponse(self)

    @overload
    def generate(
        self,
        *,
        prompt: str,
        model: ImageModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        stream: Literal[False] | None | NotGiven = NOT_GIVEN,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        size: ImageSize | None | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        style: ImageStyle | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse: ...

    @overload
    def generate(
        self,
        *,
        prompt: str,
        model: ImageModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        stream: Literal[True],
        partial_images: int | None | NotGiven = NOT_GIVEN,
        size: ImageSize | None | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        style: ImageStyle | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Stream[ImageGenStreamEvent]: ...

    @overload
    def generate(
        self,
        *,
        prompt: str,
        model: ImageModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        stream: bool,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        size: ImageSize | None | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        style: ImageStyle | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse | Stream[ImageGenStreamEvent]: ...

    @documented(docs.CREATE_IMAGE)
    def generate(
        self,
        *,
        prompt: str,
        model: ImageModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        stream: bool | None | NotGiven = NOT_GIVEN,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        size: ImageSize | None | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        style: ImageStyle | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse | Stream[ImageGenStreamEvent]:
        """Create images from a text prompt.

        Returns the finished images in one JSON body, or, when `stream` is true, a stream of server-
        sent events: partial images while the model works, then the completed image.
        """
        return cast(
            "ImagesResponse | Stream[ImageGenStreamEvent]", self._call(CREATE_IMAGE, locals())
        )

    @overload
    def edit(
        self,
        *,
        image: FileTypes | Sequence[FileTypes | ImageRefParamDict | ImageRefParam],
        prompt: str,
        mask: FileTypes | ImageRefParamDict | ImageRefParam | NotGiven = NOT_GIVEN,
        markup: FileTypes | NotGiven = NOT_GIVEN,
        model: ImageEditModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageEditQuality | ImageEditJsonQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        input_fidelity: InputFidelity | None | NotGiven = NOT_GIVEN,
        size: ImageEditSize | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        stream: Literal[False] | None | NotGiven = NOT_GIVEN,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse: ...

    @overload
    def edit(
        self,
        *,
        image: FileTypes | Sequence[FileTypes | ImageRefParamDict | ImageRefParam],
        prompt: str,
        mask: FileTypes | ImageRefParamDict | ImageRefParam | NotGiven = NOT_GIVEN,
        markup: FileTypes | NotGiven = NOT_GIVEN,
        model: ImageEditModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageEditQuality | ImageEditJsonQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        input_fidelity: InputFidelity | None | NotGiven = NOT_GIVEN,
        size: ImageEditSize | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        stream: Literal[True],
        partial_images: int | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Stream[ImageEditStreamEvent]: ...

    @overload
    def edit(
        self,
        *,
        image: FileTypes | Sequence[FileTypes | ImageRefParamDict | ImageRefParam],
        prompt: str,
        mask: FileTypes | ImageRefParamDict | ImageRefParam | NotGiven = NOT_GIVEN,
        markup: FileTypes | NotGiven = NOT_GIVEN,
        model: ImageEditModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageEditQuality | ImageEditJsonQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        input_fidelity: InputFidelity | None | NotGiven = NOT_GIVEN,
        size: ImageEditSize | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        stream: bool,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse | Stream[ImageEditStreamEvent]: ...

    @documented(docs.CREATE_IMAGE_EDIT)
    def edit(
        self,
        *,
        image: FileTypes | Sequence[FileTypes | ImageRefParamDict | ImageRefParam],
        prompt: str,
        mask: FileTypes | ImageRefParamDict | ImageRefParam | NotGiven = NOT_GIVEN,
        markup: FileTypes | NotGiven = NOT_GIVEN,
        model: ImageEditModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageEditQuality | ImageEditJsonQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        input_fidelity: InputFidelity | None | NotGiven = NOT_GIVEN,
        size: ImageEditSize | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        stream: bool | None | NotGiven = NOT_GIVEN,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse | Stream[ImageEditStreamEvent]:
        """Edit or extend one or more images following a text prompt.

        Takes the source images either as uploaded files (a `multipart/form-data` body with `image`,
        and optionally `mask` or `markup`) or as references to images already reachable by URL or by
        File API id (an `application/json` body whose `images` array holds the references). Streams
        events like the generation endpoint when `stream` is true.
        """
        return cast(
            "ImagesResponse | Stream[ImageEditStreamEvent]", self._call(CREATE_IMAGE_EDIT, locals())
        )

    @documented(docs.CREATE_IMAGE_VARIATION)
    def create_variation(
        self,
        *,
        image: FileTypes,
        model: ImageVariationModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        size: ImageVariationSize | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse:
        """Create variations of one image (retired; dall-e-2 only).

        Deprecated.

        The server no longer serves this endpoint since dall-e-2 was retired; it stays in the SDK,
        marked deprecated, for servers that still do.
        """
        return cast("ImagesResponse", self._call(CREATE_IMAGE_VARIATION, locals()))


class ImagesWithRawResponse:
    """The methods of `Images`, answering with whole HTTP responses (`.parse()` gives the result)."""

    def __init__(self, images: Images) -> None:
        resource = images._in_mode("raw")
        self.generate = to_raw_response_wrapper(resource.generate)
        self.edit = to_raw_response_wrapper(resource.edit)
        self.create_variation = to_raw_response_wrapper(resource.create_variation)


class ImagesWithStreamingResponse:
    """The methods of `Images`, answering with context managers over unread HTTP responses."""

    def __init__(self, images: Images) -> None:
        resource = images._in_mode("streaming")
        self.generate = to_streamed_response_wrapper(resource.generate)
        self.edit = to_streamed_response_wrapper(resource.edit)
        self.create_variation = to_streamed_response_wrapper(resource.create_variation)


class AsyncImages(AsyncAPIResource):
    """Create images from a prompt, edit images, and (retired) make variations (asynchronous)."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncImagesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return AsyncImagesWithRawResponse(self)

    @functools.cached_property
    def with_streaming_response(self) -> AsyncImagesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return AsyncImagesWithStreamingResponse(self)

    @overload
    async def generate(
        self,
        *,
        prompt: str,
        model: ImageModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        stream: Literal[False] | None | NotGiven = NOT_GIVEN,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        size: ImageSize | None | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        style: ImageStyle | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse: ...

    @overload
    async def generate(
        self,
        *,
        prompt: str,
        model: ImageModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        stream: Literal[True],
        partial_images: int | None | NotGiven = NOT_GIVEN,
        size: ImageSize | None | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        style: ImageStyle | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[ImageGenStreamEvent]: ...

    @overload
    async def generate(
        self,
        *,
        prompt: str,
        model: ImageModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        stream: bool,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        size: ImageSize | None | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        style: ImageStyle | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse | AsyncStream[ImageGenStreamEvent]: ...

    @documented(docs.CREATE_IMAGE)
    async def generate(
        self,
        *,
        prompt: str,
        model: ImageModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        stream: bool | None | NotGiven = NOT_GIVEN,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        size: ImageSize | None | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        style: ImageStyle | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse | AsyncStream[ImageGenStreamEvent]:
        """Create images from a text prompt.

        Returns the finished images in one JSON body, or, when `stream` is true, a stream of server-
        sent events: partial images while the model works, then the completed image.
        """
        return cast(
            "ImagesResponse | AsyncStream[ImageGenStreamEvent]",
            await self._call(CREATE_IMAGE, locals()),
        )

    @overload
    async def edit(
        self,
        *,
        image: FileTypes | Sequence[FileTypes | ImageRefParamDict | ImageRefParam],
        prompt: str,
        mask: FileTypes | ImageRefParamDict | ImageRefParam | NotGiven = NOT_GIVEN,
        markup: FileTypes | NotGiven = NOT_GIVEN,
        model: ImageEditModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageEditQuality | ImageEditJsonQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        input_fidelity: InputFidelity | None | NotGiven = NOT_GIVEN,
        size: ImageEditSize | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        stream: Literal[False] | None | NotGiven = NOT_GIVEN,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse: ...

    @overload
    async def edit(
        self,
        *,
        image: FileTypes | Sequence[FileTypes | ImageRefParamDict | ImageRefParam],
        prompt: str,
        mask: FileTypes | ImageRefParamDict | ImageRefParam | NotGiven = NOT_GIVEN,
        markup: FileTypes | NotGiven = NOT_GIVEN,
        model: ImageEditModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageEditQuality | ImageEditJsonQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        input_fidelity: InputFidelity | None | NotGiven = NOT_GIVEN,
        size: ImageEditSize | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        stream: Literal[True],
        partial_images: int | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncStream[ImageEditStreamEvent]: ...

    @overload
    async def edit(
        self,
        *,
        image: FileTypes | Sequence[FileTypes | ImageRefParamDict | ImageRefParam],
        prompt: str,
        mask: FileTypes | ImageRefParamDict | ImageRefParam | NotGiven = NOT_GIVEN,
        markup: FileTypes | NotGiven = NOT_GIVEN,
        model: ImageEditModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageEditQuality | ImageEditJsonQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        input_fidelity: InputFidelity | None | NotGiven = NOT_GIVEN,
        size: ImageEditSize | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        stream: bool,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse | AsyncStream[ImageEditStreamEvent]: ...

    @documented(docs.CREATE_IMAGE_EDIT)
    async def edit(
        self,
        *,
        image: FileTypes | Sequence[FileTypes | ImageRefParamDict | ImageRefParam],
        prompt: str,
        mask: FileTypes | ImageRefParamDict | ImageRefParam | NotGiven = NOT_GIVEN,
        markup: FileTypes | NotGiven = NOT_GIVEN,
        model: ImageEditModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        quality: ImageEditQuality | ImageEditJsonQuality | None | NotGiven = NOT_GIVEN,
        complexity: ImageComplexity | None | NotGiven = NOT_GIVEN,
        input_fidelity: InputFidelity | None | NotGiven = NOT_GIVEN,
        size: ImageEditSize | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        output_format: ImageOutputFormat | None | NotGiven = NOT_GIVEN,
        output_compression: int | None | NotGiven = NOT_GIVEN,
        frame_count: int | None | NotGiven = NOT_GIVEN,
        frame_duration_ms: int | None | NotGiven = NOT_GIVEN,
        svg: ImageSvgOptionsDict | ImageSvgOptions | None | NotGiven = NOT_GIVEN,
        background: ImageBackground | None | NotGiven = NOT_GIVEN,
        stream: bool | None | NotGiven = NOT_GIVEN,
        partial_images: int | None | NotGiven = NOT_GIVEN,
        safety_identifier: str | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        moderation: ImageModeration | None | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse | AsyncStream[ImageEditStreamEvent]:
        """Edit or extend one or more images following a text prompt.

        Takes the source images either as uploaded files (a `multipart/form-data` body with `image`,
        and optionally `mask` or `markup`) or as references to images already reachable by URL or by
        File API id (an `application/json` body whose `images` array holds the references). Streams
        events like the generation endpoint when `stream` is true.
        """
        return cast(
            "ImagesResponse | AsyncStream[ImageEditStreamEvent]",
            await self._call(CREATE_IMAGE_EDIT, locals()),
        )

    @documented(docs.CREATE_IMAGE_VARIATION)
    async def create_variation(
        self,
        *,
        image: FileTypes,
        model: ImageVariationModel | None | NotGiven = NOT_GIVEN,
        n: int | None | NotGiven = NOT_GIVEN,
        response_format: ImageResponseFormat | None | NotGiven = NOT_GIVEN,
        size: ImageVariationSize | None | NotGiven = NOT_GIVEN,
        user: str | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ImagesResponse:
        """Create variations of one image (retired; dall-e-2 only).

        Deprecated.

        The server no longer serves this endpoint since dall-e-2 was retired; it stays in the SDK,
        marked deprecated, for servers that still do.
        """
        return cast("ImagesResponse", await self._call(CREATE_IMAGE_VARIATION, locals()))


class AsyncImagesWithRawResponse:
    """The methods of `AsyncImages`, answering with whole HTTP responses (`.parse()` gives the result)."""

    def __init__(self, images: AsyncImages) -> None:
        resource = images._in_mode("raw")
        self.generate = async_to_raw_response_wrapper(resource.generate)
        self.edit = async_to_raw_response_wrapper(resource.edit)
        self.create_variation = async_to_raw_response_wrapper(resource.create_variation)


class AsyncImagesWithStreamingResponse:
    """The methods of `AsyncImages`, answering with context managers over unread HTTP responses."""

    def __init__(self, images: AsyncImages) -> None:
        resource = images._in_mode("streaming")
        self.generate = async_to_streamed_response_wrapper(resource.generate)
        self.edit = async_to_streamed_response_wrapper(resource.edit)
        self.create_variation = async_to_streamed_response_wrapper(resource.create_variation)


class Files(SyncAPIResource):
    """Upload files for other endpoints (batch inputs, images for edits), read them back and delete them. (synchronous)."""

    @functools.cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return FilesWithRawResponse(self)

    @functools.cached_property
    def with_streaming_response(self) -> FilesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return FilesWithStreamingResponse(self)

    @documented(docs.CREATE_FILE)
    def create(
        self,
        *,
        file: FileTypes,
        purpose: FilePurpose,
        expires_after: FileExpirationAfterDict | FileExpirationAfter | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> OpenAIFile:
        """Upload a file.

        Stores one file for later use by another endpoint, named by `purpose`. A batch input is a
        JSONL file of at most 50,000 requests and 200 MB, uploaded with the purpose `batch`.
        """
        return cast("OpenAIFile", self._call(CREATE_FILE, locals()))

    @documented(docs.RETRIEVE_FILE)
    def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> OpenAIFile:
        """Describe one uploaded file."""
        return cast("OpenAIFile", self._call(RETRIEVE_FILE, locals()))

    @documented(docs.DELETE_FILE)
    def delete(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> DeleteFileResponse:
        """Delete one uploaded file."""
        return cast("DeleteFileResponse", self._call(DELETE_FILE, locals()))

    @documented(docs.DOWNLOAD_FILE)
    def content(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Download the content of a file.

        Answers with the file's bytes as stored, e.g. the JSONL output or error file of a batch.
        """
        return cast("bytes", self._call(DOWNLOAD_FILE, locals()))


class FilesWithRawResponse:
    """The methods of `Files`, answering with whole HTTP responses (`.parse()` gives the result)."""

    def __init__(self, files: Files) -> None:
        resource = files._in_mode("raw")
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.delete = to_raw_response_wrapper(resource.delete)
        self.content = to_raw_response_wrapper(resource.content)


class FilesWithStreamingResponse:
    """The methods of `Files`, answering with context managers over unread HTTP responses."""

    def __init__(self, files: Files) -> None:
        resource = files._in_mode("streaming")
        self.create = to_streamed_response_wrapper(resource.create)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.delete = to_streamed_response_wrapper(resource.delete)
        self.content = to_streamed_response_wrapper(resource.content)


class AsyncFiles(AsyncAPIResource):
    """Upload files for other endpoints (batch inputs, images for edits), read them back and delete them. (asynchronous)."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return AsyncFilesWithRawResponse(self)

    @functools.cached_property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return AsyncFilesWithStreamingResponse(self)

    @documented(docs.CREATE_FILE)
    async def create(
        self,
        *,
        file: FileTypes,
        purpose: FilePurpose,
        expires_after: FileExpirationAfterDict | FileExpirationAfter | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> OpenAIFile:
        """Upload a file.

        Stores one file for later use by another endpoint, named by `purpose`. A batch input is a
        JSONL file of at most 50,000 requests and 200 MB, uploaded with the purpose `batch`.
        """
        return cast("OpenAIFile", await self._call(CREATE_FILE, locals()))

    @documented(docs.RETRIEVE_FILE)
    async def retrieve(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> OpenAIFile:
        """Describe one uploaded file."""
        return cast("OpenAIFile", await self._call(RETRIEVE_FILE, locals()))

    @documented(docs.DELETE_FILE)
    async def delete(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> DeleteFileResponse:
        """Delete one uploaded file."""
        return cast("DeleteFileResponse", await self._call(DELETE_FILE, locals()))

    @documented(docs.DOWNLOAD_FILE)
    async def content(
        self,
        file_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Download the content of a file.

        Answers with the file's bytes as stored, e.g. the JSONL output or error file of a batch.
        """
        return cast("bytes", await self._call(DOWNLOAD_FILE, locals()))


class AsyncFilesWithRawResponse:
    """The methods of `AsyncFiles`, answering with whole HTTP responses (`.parse()` gives the result)."""

    def __init__(self, files: AsyncFiles) -> None:
        resource = files._in_mode("raw")
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.delete = async_to_raw_response_wrapper(resource.delete)
        self.content = async_to_raw_response_wrapper(resource.content)


class AsyncFilesWithStreamingResponse:
    """The methods of `AsyncFiles`, answering with context managers over unread HTTP responses."""

    def __init__(self, files: AsyncFiles) -> None:
        resource = files._in_mode("streaming")
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.delete = async_to_streamed_response_wrapper(resource.delete)
        self.content = async_to_streamed_response_wrapper(resource.content)


class Batches(SyncAPIResource):
    """Run many image requests asynchronously from an uploaded JSONL file, within 24 hours, and collect the results as files. (synchronous)."""

    @functools.cached_property
    def with_raw_response(self) -> BatchesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return BatchesWithRawResponse(self)

    @functools.cached_property
    def with_streaming_response(self) -> BatchesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return BatchesWithStreamingResponse(self)

    @documented(docs.LIST_BATCHES)
    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> SyncCursorPage[Batch]:
        """List the organization's batches, newest first."""
        return cast("SyncCursorPage[Batch]", self._call_pages(LIST_BATCHES, locals()))

    @documented(docs.CREATE_BATCH)
    def create(
        self,
        *,
        input_file_id: str,
        endpoint: BatchEndpoint,
        completion_window: Literal["24h"],
        metadata: Metadata | None | NotGiven = NOT_GIVEN,
        output_expires_after: BatchFileExpirationAfterDict
        | BatchFileExpirationAfter
        | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Start a batch of requests from an uploaded JSONL file.

        Every line of the input file is one request to `endpoint` with its own `custom_id`. The
        batch is processed within `completion_window`; poll it with `retrieve` and download its
        `output_file_id` and `error_file_id` when it has ended.
        """
        return cast("Batch", self._call(CREATE_BATCH, locals()))

    @documented(docs.RETRIEVE_BATCH)
    def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Describe one batch, with its status and request counts."""
        return cast("Batch", self._call(RETRIEVE_BATCH, locals()))

    @documented(docs.CANCEL_BATCH)
    def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Cancel a batch that has not ended.

        The batch goes to `cancelling`, then (within minutes) to `cancelled`; requests finished
        before that are in its output file.
        """
        return cast("Batch", self._call(CANCEL_BATCH, locals()))


class BatchesWithRawResponse:
    """The methods of `Batches`, answering with whole HTTP responses (`.parse()` gives the result)."""

    def __init__(self, batches: Batches) -> None:
        resource = batches._in_mode("raw")
        self.list = to_raw_response_wrapper(resource.list)
        self.create = to_raw_response_wrapper(resource.create)
        self.retrieve = to_raw_response_wrapper(resource.retrieve)
        self.cancel = to_raw_response_wrapper(resource.cancel)


class BatchesWithStreamingResponse:
    """The methods of `Batches`, answering with context managers over unread HTTP responses."""

    def __init__(self, batches: Batches) -> None:
        resource = batches._in_mode("streaming")
        self.list = to_streamed_response_wrapper(resource.list)
        self.create = to_streamed_response_wrapper(resource.create)
        self.retrieve = to_streamed_response_wrapper(resource.retrieve)
        self.cancel = to_streamed_response_wrapper(resource.cancel)


class AsyncBatches(AsyncAPIResource):
    """Run many image requests asynchronously from an uploaded JSONL file, within 24 hours, and collect the results as files. (asynchronous)."""

    @functools.cached_property
    def with_raw_response(self) -> AsyncBatchesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return AsyncBatchesWithRawResponse(self)

    @functools.cached_property
    def with_streaming_response(self) -> AsyncBatchesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return AsyncBatchesWithStreamingResponse(self)

    @documented(docs.LIST_BATCHES)
    def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[Batch, AsyncCursorPage[Batch]]:
        """List the organization's batches, newest first."""
        return cast(
            "AsyncPaginator[Batch, AsyncCursorPage[Batch]]",
            self._call_pages(LIST_BATCHES, locals()),
        )

    @documented(docs.CREATE_BATCH)
    async def create(
        self,
        *,
        input_file_id: str,
        endpoint: BatchEndpoint,
        completion_window: Literal["24h"],
        metadata: Metadata | None | NotGiven = NOT_GIVEN,
        output_expires_after: BatchFileExpirationAfterDict
        | BatchFileExpirationAfter
        | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Start a batch of requests from an uploaded JSONL file.

        Every line of the input file is one request to `endpoint` with its own `custom_id`. The
        batch is processed within `completion_window`; poll it with `retrieve` and download its
        `output_file_id` and `error_file_id` when it has ended.
        """
        return cast("Batch", await self._call(CREATE_BATCH, locals()))

    @documented(docs.RETRIEVE_BATCH)
    async def retrieve(
        self,
        batch_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Describe one batch, with its status and request counts."""
        return cast("Batch", await self._call(RETRIEVE_BATCH, locals()))

    @documented(docs.CANCEL_BATCH)
    async def cancel(
        self,
        batch_id: str,
        *,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Cancel a batch that has not ended.

        The batch goes to `cancelling`, then (within minutes) to `cancelled`; requests finished
        before that are in its output file.
        """
        return cast("Batch", await self._call(CANCEL_BATCH, locals()))


class AsyncBatchesWithRawResponse:
    """The methods of `AsyncBatches`, answering with whole HTTP responses (`.parse()` gives the result)."""

    def __init__(self, batches: AsyncBatches) -> None:
        resource = batches._in_mode("raw")
        self.list = async_to_raw_response_wrapper(resource.list)
        self.create = async_to_raw_response_wrapper(resource.create)
        self.retrieve = async_to_raw_response_wrapper(resource.retrieve)
        self.cancel = async_to_raw_response_wrapper(resource.cancel)


class AsyncBatchesWithStreamingResponse:
    """The methods of `AsyncBatches`, answering with context managers over unread HTTP responses."""

    def __init__(self, batches: AsyncBatches) -> None:
        resource = batches._in_mode("streaming")
        self.list = async_to_streamed_response_wrapper(resource.list)
        self.create = async_to_streamed_response_wrapper(resource.create)
        self.retrieve = async_to_streamed_response_wrapper(resource.retrieve)
        self.cancel = async_to_streamed_response_wrapper(resource.cancel)


class ClientResources:
    """The resource properties of a sync client: one per `x-python-resource` of the spec."""

    RESOURCE_NAMES: ClassVar[tuple[str, ...]] = (
        "images",
        "files",
        "batches",
    )

    @functools.cached_property
    def images(self) -> Images:
        """The images operations: generate, edit, create_variation."""
        return Images(cast("SyncAPIClient", self))

    @functools.cached_property
    def files(self) -> Files:
        """The files operations: create, retrieve, delete, content."""
        return Files(cast("SyncAPIClient", self))

    @functools.cached_property
    def batches(self) -> Batches:
        """The batches operations: list, create, retrieve, cancel."""
        return Batches(cast("SyncAPIClient", self))


class AsyncClientResources:
    """The resource properties of an async client: one per `x-python-resource` of the spec."""

    RESOURCE_NAMES: ClassVar[tuple[str, ...]] = (
        "images",
        "files",
        "batches",
    )

    @functools.cached_property
    def images(self) -> AsyncImages:
        """The images operations: generate, edit, create_variation."""
        return AsyncImages(cast("AsyncAPIClient", self))

    @functools.cached_property
    def files(self) -> AsyncFiles:
        """The files operations: create, retrieve, delete, content."""
        return AsyncFiles(cast("AsyncAPIClient", self))

    @functools.cached_property
    def batches(self) -> AsyncBatches:
        """The batches operations: list, create, retrieve, cancel."""
        return AsyncBatches(cast("AsyncAPIClient", self))
