# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: cbdd4183ea89a7065916b8f8e0b4ab21f31550ffc73c1d2a55e4cf22b9fed226
"""Resource classes with one method per operation (generated sync and async twins)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar, Literal, cast, overload

import httpx

from openai_images_sdk._types import (
    NOT_GIVEN,
    Body,
    FileTypes,
    Headers,
    NotGiven,
    Query,
    RequestOptions,
    ValidationMode,
)

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
    ListBatchesResponse,
    Metadata,
    OpenAIFile,
)
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
    from openai_images_sdk._base_client import AsyncAPIClient, SyncAPIClient
    from openai_images_sdk._response import (
        APIResponse,
        AsyncAPIResponse,
        AsyncResponseContextManager,
        ResponseContextManager,
    )
    from openai_images_sdk._streaming import AsyncStream, Stream

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


class Images:
    """Create images from a prompt, edit images, and (retired) make variations (synchronous)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> ImagesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return ImagesWithRawResponse(self._client)

    @functools.cached_property
    def with_streaming_response(self) -> ImagesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return ImagesWithStreamingResponse(self._client)

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

        Args:
            prompt: What to draw. At most 32,000 characters for the GPT image models, 4,000 for
                dall-e-3 and 1,000 for dall-e-2.
            model: The model that draws the images.
            n: How many images to make, 1 to 10 (dall-e-3 makes one).
            quality: The rendering effort.
            complexity: How much the model plans the image before drawing it.
            response_format: URL or base64 data, for the DALL·E models only.
            output_format: The file format of the images (GPT image models only).
            output_compression: Compression of webp and jpeg output, 0 to 100 percent.
            frame_count: The number of frames of a gif, 2 to 16; only with `output_format` gif.
            frame_duration_ms: How long each gif frame shows, in milliseconds, rounded to 10 ms and
                at most 655,350; only with `output_format` gif.
            svg: Options for svg output; only with `output_format` svg.
            stream: Whether to stream events (partial images, then the final image) instead of
                returning one JSON body. GPT image models only.
            partial_images: How many partial images to stream before the final one, 0 to 3; only
                when streaming. The final image may arrive before all of them.
            size: The size of the images.
            moderation: The content-moderation level (GPT image models only).
            background: Transparent, opaque or automatic background (GPT image models only).
            style: Vivid or natural look (dall-e-3 only).
            safety_identifier: A stable, non-identifying id of your end user that helps detect
                abuse; takes precedence over `user`. `null` or empty falls back to `user`.
            user: Deprecated. An id of your end user; replaced by `safety_identifier`.
        """
        return cast(
            "ImagesResponse | Stream[ImageGenStreamEvent]",
            self._client._request(
                CREATE_IMAGE,
                {
                    "prompt": prompt,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "stream": stream,
                    "partial_images": partial_images,
                    "size": size,
                    "moderation": moderation,
                    "background": background,
                    "style": style,
                    "safety_identifier": safety_identifier,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
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

        Args:
            image: The image to edit, or up to 16 images (png, webp or jpeg, each under 50 MB, for
                the GPT image models; one square png under 4 MB for dall-e-2). One file goes as the
                part `image`, several as repeated `image[]` parts.
            prompt: What the edit should produce. At most 32,000 characters for the GPT image models
                and 1,000 for dall-e-2.
            mask: A png under 4 MB, with alpha and the dimensions of the first image, whose fully
                transparent pixels mark where that image may change.
            markup: A transparent png drawn over the first image to guide the edit (arrows,
                outlines, notes), with the dimensions of that image. Cannot be combined with `mask`.
            model: The model that edits the images.
            n: How many images to make, 1 to 10.
            quality: The rendering effort.
            complexity: How much the model plans the image before drawing it.
            input_fidelity: How closely the result keeps the input images' style and features; high
                or low on gpt-image-1.5, only low on gpt-image-1-mini, not for gpt-image-2.
            size: The size of the images.
            response_format: URL or base64 data, for dall-e-2 only.
            output_format: The file format of the images (GPT image models only).
            output_compression: Compression of webp and jpeg output, 0 to 100 percent.
            frame_count: The number of frames of a gif, 2 to 16; only with `output_format` gif.
            frame_duration_ms: How long each gif frame shows, in milliseconds, rounded to 10 ms and
                at most 655,350; only with `output_format` gif.
            svg: Options for svg output; only with `output_format` svg. Sent as the bracketed parts
                `svg[model]` and `svg[reasoning][effort]`.
            background: Transparent, opaque or automatic background (GPT image models only).
            stream: Whether to stream events (partial images, then the final image) instead of
                returning one JSON body. GPT image models only.
            partial_images: How many partial images to stream before the final one, 0 to 3; only
                when streaming.
            safety_identifier: A stable, non-identifying id of your end user that helps detect
                abuse; takes precedence over `user`. `null` or empty falls back to `user`.
            user: Deprecated. An id of your end user; replaced by `safety_identifier`.
            moderation: The content-moderation level.
        """
        return cast(
            "ImagesResponse | Stream[ImageEditStreamEvent]",
            self._client._request(
                CREATE_IMAGE_EDIT,
                {
                    "image": image,
                    "prompt": prompt,
                    "mask": mask,
                    "markup": markup,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "input_fidelity": input_fidelity,
                    "size": size,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "background": background,
                    "stream": stream,
                    "partial_images": partial_images,
                    "safety_identifier": safety_identifier,
                    "user": user,
                    "moderation": moderation,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

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

        Args:
            image: The image to vary, a square png under 4 MB.
            model: The model that makes the variations.
            n: How many variations to make, 1 to 10.
            response_format: URL or base64 data.
            size: The size of the variations.
            user: Deprecated. An id of your end user; replaced by `safety_identifier`.
        """
        return cast(
            "ImagesResponse",
            self._client._request(
                CREATE_IMAGE_VARIATION,
                {
                    "image": image,
                    "model": model,
                    "n": n,
                    "response_format": response_format,
                    "size": size,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )


class ImagesWithRawResponse:
    """The images operations (synchronous), answering with whole HTTP responses."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

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
    ) -> APIResponse[ImagesResponse]: ...

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
    ) -> APIResponse[Stream[ImageGenStreamEvent]]: ...

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
    ) -> APIResponse[ImagesResponse] | APIResponse[Stream[ImageGenStreamEvent]]: ...

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
    ) -> APIResponse[ImagesResponse] | APIResponse[Stream[ImageGenStreamEvent]]:
        """Like `Images.generate`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[ImagesResponse] | APIResponse[Stream[ImageGenStreamEvent]]",
            self._client._request(
                CREATE_IMAGE,
                {
                    "prompt": prompt,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "stream": stream,
                    "partial_images": partial_images,
                    "size": size,
                    "moderation": moderation,
                    "background": background,
                    "style": style,
                    "safety_identifier": safety_identifier,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
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
    ) -> APIResponse[ImagesResponse]: ...

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
    ) -> APIResponse[Stream[ImageEditStreamEvent]]: ...

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
    ) -> APIResponse[ImagesResponse] | APIResponse[Stream[ImageEditStreamEvent]]: ...

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
    ) -> APIResponse[ImagesResponse] | APIResponse[Stream[ImageEditStreamEvent]]:
        """Like `Images.edit`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[ImagesResponse] | APIResponse[Stream[ImageEditStreamEvent]]",
            self._client._request(
                CREATE_IMAGE_EDIT,
                {
                    "image": image,
                    "prompt": prompt,
                    "mask": mask,
                    "markup": markup,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "input_fidelity": input_fidelity,
                    "size": size,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "background": background,
                    "stream": stream,
                    "partial_images": partial_images,
                    "safety_identifier": safety_identifier,
                    "user": user,
                    "moderation": moderation,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

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
    ) -> APIResponse[ImagesResponse]:
        """Like `Images.create_variation`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[ImagesResponse]",
            self._client._request(
                CREATE_IMAGE_VARIATION,
                {
                    "image": image,
                    "model": model,
                    "n": n,
                    "response_format": response_format,
                    "size": size,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )


class ImagesWithStreamingResponse:
    """The images operations (synchronous), answering with unread HTTP responses."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

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
    ) -> ResponseContextManager[APIResponse[ImagesResponse]]: ...

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
    ) -> ResponseContextManager[APIResponse[Stream[ImageGenStreamEvent]]]: ...

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
    ) -> (
        ResponseContextManager[APIResponse[ImagesResponse]]
        | ResponseContextManager[APIResponse[Stream[ImageGenStreamEvent]]]
    ): ...

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
    ) -> (
        ResponseContextManager[APIResponse[ImagesResponse]]
        | ResponseContextManager[APIResponse[Stream[ImageGenStreamEvent]]]
    ):
        """Like `Images.generate`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[ImagesResponse]] | ResponseContextManager[APIResponse[Stream[ImageGenStreamEvent]]]",
            self._client._request(
                CREATE_IMAGE,
                {
                    "prompt": prompt,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "stream": stream,
                    "partial_images": partial_images,
                    "size": size,
                    "moderation": moderation,
                    "background": background,
                    "style": style,
                    "safety_identifier": safety_identifier,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
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
    ) -> ResponseContextManager[APIResponse[ImagesResponse]]: ...

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
    ) -> ResponseContextManager[APIResponse[Stream[ImageEditStreamEvent]]]: ...

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
    ) -> (
        ResponseContextManager[APIResponse[ImagesResponse]]
        | ResponseContextManager[APIResponse[Stream[ImageEditStreamEvent]]]
    ): ...

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
    ) -> (
        ResponseContextManager[APIResponse[ImagesResponse]]
        | ResponseContextManager[APIResponse[Stream[ImageEditStreamEvent]]]
    ):
        """Like `Images.edit`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[ImagesResponse]] | ResponseContextManager[APIResponse[Stream[ImageEditStreamEvent]]]",
            self._client._request(
                CREATE_IMAGE_EDIT,
                {
                    "image": image,
                    "prompt": prompt,
                    "mask": mask,
                    "markup": markup,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "input_fidelity": input_fidelity,
                    "size": size,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "background": background,
                    "stream": stream,
                    "partial_images": partial_images,
                    "safety_identifier": safety_identifier,
                    "user": user,
                    "moderation": moderation,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

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
    ) -> ResponseContextManager[APIResponse[ImagesResponse]]:
        """Like `Images.create_variation`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[ImagesResponse]]",
            self._client._request(
                CREATE_IMAGE_VARIATION,
                {
                    "image": image,
                    "model": model,
                    "n": n,
                    "response_format": response_format,
                    "size": size,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )


class AsyncImages:
    """Create images from a prompt, edit images, and (retired) make variations (asynchronous)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> AsyncImagesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return AsyncImagesWithRawResponse(self._client)

    @functools.cached_property
    def with_streaming_response(self) -> AsyncImagesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return AsyncImagesWithStreamingResponse(self._client)

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

        Args:
            prompt: What to draw. At most 32,000 characters for the GPT image models, 4,000 for
                dall-e-3 and 1,000 for dall-e-2.
            model: The model that draws the images.
            n: How many images to make, 1 to 10 (dall-e-3 makes one).
            quality: The rendering effort.
            complexity: How much the model plans the image before drawing it.
            response_format: URL or base64 data, for the DALL·E models only.
            output_format: The file format of the images (GPT image models only).
            output_compression: Compression of webp and jpeg output, 0 to 100 percent.
            frame_count: The number of frames of a gif, 2 to 16; only with `output_format` gif.
            frame_duration_ms: How long each gif frame shows, in milliseconds, rounded to 10 ms and
                at most 655,350; only with `output_format` gif.
            svg: Options for svg output; only with `output_format` svg.
            stream: Whether to stream events (partial images, then the final image) instead of
                returning one JSON body. GPT image models only.
            partial_images: How many partial images to stream before the final one, 0 to 3; only
                when streaming. The final image may arrive before all of them.
            size: The size of the images.
            moderation: The content-moderation level (GPT image models only).
            background: Transparent, opaque or automatic background (GPT image models only).
            style: Vivid or natural look (dall-e-3 only).
            safety_identifier: A stable, non-identifying id of your end user that helps detect
                abuse; takes precedence over `user`. `null` or empty falls back to `user`.
            user: Deprecated. An id of your end user; replaced by `safety_identifier`.
        """
        return cast(
            "ImagesResponse | AsyncStream[ImageGenStreamEvent]",
            await self._client._request(
                CREATE_IMAGE,
                {
                    "prompt": prompt,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "stream": stream,
                    "partial_images": partial_images,
                    "size": size,
                    "moderation": moderation,
                    "background": background,
                    "style": style,
                    "safety_identifier": safety_identifier,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
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

        Args:
            image: The image to edit, or up to 16 images (png, webp or jpeg, each under 50 MB, for
                the GPT image models; one square png under 4 MB for dall-e-2). One file goes as the
                part `image`, several as repeated `image[]` parts.
            prompt: What the edit should produce. At most 32,000 characters for the GPT image models
                and 1,000 for dall-e-2.
            mask: A png under 4 MB, with alpha and the dimensions of the first image, whose fully
                transparent pixels mark where that image may change.
            markup: A transparent png drawn over the first image to guide the edit (arrows,
                outlines, notes), with the dimensions of that image. Cannot be combined with `mask`.
            model: The model that edits the images.
            n: How many images to make, 1 to 10.
            quality: The rendering effort.
            complexity: How much the model plans the image before drawing it.
            input_fidelity: How closely the result keeps the input images' style and features; high
                or low on gpt-image-1.5, only low on gpt-image-1-mini, not for gpt-image-2.
            size: The size of the images.
            response_format: URL or base64 data, for dall-e-2 only.
            output_format: The file format of the images (GPT image models only).
            output_compression: Compression of webp and jpeg output, 0 to 100 percent.
            frame_count: The number of frames of a gif, 2 to 16; only with `output_format` gif.
            frame_duration_ms: How long each gif frame shows, in milliseconds, rounded to 10 ms and
                at most 655,350; only with `output_format` gif.
            svg: Options for svg output; only with `output_format` svg. Sent as the bracketed parts
                `svg[model]` and `svg[reasoning][effort]`.
            background: Transparent, opaque or automatic background (GPT image models only).
            stream: Whether to stream events (partial images, then the final image) instead of
                returning one JSON body. GPT image models only.
            partial_images: How many partial images to stream before the final one, 0 to 3; only
                when streaming.
            safety_identifier: A stable, non-identifying id of your end user that helps detect
                abuse; takes precedence over `user`. `null` or empty falls back to `user`.
            user: Deprecated. An id of your end user; replaced by `safety_identifier`.
            moderation: The content-moderation level.
        """
        return cast(
            "ImagesResponse | AsyncStream[ImageEditStreamEvent]",
            await self._client._request(
                CREATE_IMAGE_EDIT,
                {
                    "image": image,
                    "prompt": prompt,
                    "mask": mask,
                    "markup": markup,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "input_fidelity": input_fidelity,
                    "size": size,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "background": background,
                    "stream": stream,
                    "partial_images": partial_images,
                    "safety_identifier": safety_identifier,
                    "user": user,
                    "moderation": moderation,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

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

        Args:
            image: The image to vary, a square png under 4 MB.
            model: The model that makes the variations.
            n: How many variations to make, 1 to 10.
            response_format: URL or base64 data.
            size: The size of the variations.
            user: Deprecated. An id of your end user; replaced by `safety_identifier`.
        """
        return cast(
            "ImagesResponse",
            await self._client._request(
                CREATE_IMAGE_VARIATION,
                {
                    "image": image,
                    "model": model,
                    "n": n,
                    "response_format": response_format,
                    "size": size,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )


class AsyncImagesWithRawResponse:
    """The images operations (asynchronous), answering with whole HTTP responses."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

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
    ) -> AsyncAPIResponse[ImagesResponse]: ...

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
    ) -> AsyncAPIResponse[AsyncStream[ImageGenStreamEvent]]: ...

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
    ) -> AsyncAPIResponse[ImagesResponse] | AsyncAPIResponse[AsyncStream[ImageGenStreamEvent]]: ...

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
    ) -> AsyncAPIResponse[ImagesResponse] | AsyncAPIResponse[AsyncStream[ImageGenStreamEvent]]:
        """Like `Images.generate`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[ImagesResponse] | AsyncAPIResponse[AsyncStream[ImageGenStreamEvent]]",
            await self._client._request(
                CREATE_IMAGE,
                {
                    "prompt": prompt,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "stream": stream,
                    "partial_images": partial_images,
                    "size": size,
                    "moderation": moderation,
                    "background": background,
                    "style": style,
                    "safety_identifier": safety_identifier,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
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
    ) -> AsyncAPIResponse[ImagesResponse]: ...

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
    ) -> AsyncAPIResponse[AsyncStream[ImageEditStreamEvent]]: ...

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
    ) -> AsyncAPIResponse[ImagesResponse] | AsyncAPIResponse[AsyncStream[ImageEditStreamEvent]]: ...

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
    ) -> AsyncAPIResponse[ImagesResponse] | AsyncAPIResponse[AsyncStream[ImageEditStreamEvent]]:
        """Like `Images.edit`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[ImagesResponse] | AsyncAPIResponse[AsyncStream[ImageEditStreamEvent]]",
            await self._client._request(
                CREATE_IMAGE_EDIT,
                {
                    "image": image,
                    "prompt": prompt,
                    "mask": mask,
                    "markup": markup,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "input_fidelity": input_fidelity,
                    "size": size,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "background": background,
                    "stream": stream,
                    "partial_images": partial_images,
                    "safety_identifier": safety_identifier,
                    "user": user,
                    "moderation": moderation,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

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
    ) -> AsyncAPIResponse[ImagesResponse]:
        """Like `Images.create_variation`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[ImagesResponse]",
            await self._client._request(
                CREATE_IMAGE_VARIATION,
                {
                    "image": image,
                    "model": model,
                    "n": n,
                    "response_format": response_format,
                    "size": size,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )


class AsyncImagesWithStreamingResponse:
    """The images operations (asynchronous), answering with unread HTTP responses."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

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
    ) -> AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]]: ...

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
    ) -> AsyncResponseContextManager[AsyncAPIResponse[AsyncStream[ImageGenStreamEvent]]]: ...

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
    ) -> (
        AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]]
        | AsyncResponseContextManager[AsyncAPIResponse[AsyncStream[ImageGenStreamEvent]]]
    ): ...

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
    ) -> (
        AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]]
        | AsyncResponseContextManager[AsyncAPIResponse[AsyncStream[ImageGenStreamEvent]]]
    ):
        """Like `Images.generate`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]] | AsyncResponseContextManager[AsyncAPIResponse[AsyncStream[ImageGenStreamEvent]]]",
            self._client._request(
                CREATE_IMAGE,
                {
                    "prompt": prompt,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "stream": stream,
                    "partial_images": partial_images,
                    "size": size,
                    "moderation": moderation,
                    "background": background,
                    "style": style,
                    "safety_identifier": safety_identifier,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
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
    ) -> AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]]: ...

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
    ) -> AsyncResponseContextManager[AsyncAPIResponse[AsyncStream[ImageEditStreamEvent]]]: ...

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
    ) -> (
        AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]]
        | AsyncResponseContextManager[AsyncAPIResponse[AsyncStream[ImageEditStreamEvent]]]
    ): ...

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
    ) -> (
        AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]]
        | AsyncResponseContextManager[AsyncAPIResponse[AsyncStream[ImageEditStreamEvent]]]
    ):
        """Like `Images.edit`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]] | AsyncResponseContextManager[AsyncAPIResponse[AsyncStream[ImageEditStreamEvent]]]",
            self._client._request(
                CREATE_IMAGE_EDIT,
                {
                    "image": image,
                    "prompt": prompt,
                    "mask": mask,
                    "markup": markup,
                    "model": model,
                    "n": n,
                    "quality": quality,
                    "complexity": complexity,
                    "input_fidelity": input_fidelity,
                    "size": size,
                    "response_format": response_format,
                    "output_format": output_format,
                    "output_compression": output_compression,
                    "frame_count": frame_count,
                    "frame_duration_ms": frame_duration_ms,
                    "svg": svg,
                    "background": background,
                    "stream": stream,
                    "partial_images": partial_images,
                    "safety_identifier": safety_identifier,
                    "user": user,
                    "moderation": moderation,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

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
    ) -> AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]]:
        """Like `Images.create_variation`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[ImagesResponse]]",
            self._client._request(
                CREATE_IMAGE_VARIATION,
                {
                    "image": image,
                    "model": model,
                    "n": n,
                    "response_format": response_format,
                    "size": size,
                    "user": user,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )


class Files:
    """Upload files for other endpoints (batch inputs, images for edits), read them back and delete them. (synchronous)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> FilesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return FilesWithRawResponse(self._client)

    @functools.cached_property
    def with_streaming_response(self) -> FilesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return FilesWithStreamingResponse(self._client)

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

        Args:
            file: The file to store (its content, not its name).
            purpose: What the file is for; `batch` for a Batch API input.
            expires_after: When the file is deleted. Without it, batch input files expire after 30
                days and other files are kept until deleted. Sent as the bracketed parts
                `expires_after[anchor]` and `expires_after[seconds]`.
        """
        return cast(
            "OpenAIFile",
            self._client._request(
                CREATE_FILE,
                {
                    "file": file,
                    "purpose": purpose,
                    "expires_after": expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    def retrieve(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> OpenAIFile:
        """Describe one uploaded file.

        Args:
            file_id: The id of the file.
        """
        return cast(
            "OpenAIFile",
            self._client._request(
                RETRIEVE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    def delete(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> DeleteFileResponse:
        """Delete one uploaded file.

        Args:
            file_id: The id of the file.
        """
        return cast(
            "DeleteFileResponse",
            self._client._request(
                DELETE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    def content(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Download the content of a file.

        Answers with the file's bytes as stored, e.g. the JSONL output or error file of a batch.

        Args:
            file_id: The id of the file.
        """
        return cast(
            "bytes",
            self._client._request(
                DOWNLOAD_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )


class FilesWithRawResponse:
    """The files operations (synchronous), answering with whole HTTP responses."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

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
    ) -> APIResponse[OpenAIFile]:
        """Like `Files.create`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[OpenAIFile]",
            self._client._request(
                CREATE_FILE,
                {
                    "file": file,
                    "purpose": purpose,
                    "expires_after": expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    def retrieve(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> APIResponse[OpenAIFile]:
        """Like `Files.retrieve`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[OpenAIFile]",
            self._client._request(
                RETRIEVE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    def delete(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> APIResponse[DeleteFileResponse]:
        """Like `Files.delete`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[DeleteFileResponse]",
            self._client._request(
                DELETE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    def content(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> APIResponse[bytes]:
        """Like `Files.content`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[bytes]",
            self._client._request(
                DOWNLOAD_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )


class FilesWithStreamingResponse:
    """The files operations (synchronous), answering with unread HTTP responses."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

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
    ) -> ResponseContextManager[APIResponse[OpenAIFile]]:
        """Like `Files.create`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[OpenAIFile]]",
            self._client._request(
                CREATE_FILE,
                {
                    "file": file,
                    "purpose": purpose,
                    "expires_after": expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def retrieve(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ResponseContextManager[APIResponse[OpenAIFile]]:
        """Like `Files.retrieve`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[OpenAIFile]]",
            self._client._request(
                RETRIEVE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def delete(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ResponseContextManager[APIResponse[DeleteFileResponse]]:
        """Like `Files.delete`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[DeleteFileResponse]]",
            self._client._request(
                DELETE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def content(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ResponseContextManager[APIResponse[bytes]]:
        """Like `Files.content`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[bytes]]",
            self._client._request(
                DOWNLOAD_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )


class AsyncFiles:
    """Upload files for other endpoints (batch inputs, images for edits), read them back and delete them. (asynchronous)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> AsyncFilesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return AsyncFilesWithRawResponse(self._client)

    @functools.cached_property
    def with_streaming_response(self) -> AsyncFilesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return AsyncFilesWithStreamingResponse(self._client)

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

        Args:
            file: The file to store (its content, not its name).
            purpose: What the file is for; `batch` for a Batch API input.
            expires_after: When the file is deleted. Without it, batch input files expire after 30
                days and other files are kept until deleted. Sent as the bracketed parts
                `expires_after[anchor]` and `expires_after[seconds]`.
        """
        return cast(
            "OpenAIFile",
            await self._client._request(
                CREATE_FILE,
                {
                    "file": file,
                    "purpose": purpose,
                    "expires_after": expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    async def retrieve(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> OpenAIFile:
        """Describe one uploaded file.

        Args:
            file_id: The id of the file.
        """
        return cast(
            "OpenAIFile",
            await self._client._request(
                RETRIEVE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    async def delete(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> DeleteFileResponse:
        """Delete one uploaded file.

        Args:
            file_id: The id of the file.
        """
        return cast(
            "DeleteFileResponse",
            await self._client._request(
                DELETE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    async def content(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """Download the content of a file.

        Answers with the file's bytes as stored, e.g. the JSONL output or error file of a batch.

        Args:
            file_id: The id of the file.
        """
        return cast(
            "bytes",
            await self._client._request(
                DOWNLOAD_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )


class AsyncFilesWithRawResponse:
    """The files operations (asynchronous), answering with whole HTTP responses."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

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
    ) -> AsyncAPIResponse[OpenAIFile]:
        """Like `Files.create`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[OpenAIFile]",
            await self._client._request(
                CREATE_FILE,
                {
                    "file": file,
                    "purpose": purpose,
                    "expires_after": expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    async def retrieve(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncAPIResponse[OpenAIFile]:
        """Like `Files.retrieve`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[OpenAIFile]",
            await self._client._request(
                RETRIEVE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    async def delete(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncAPIResponse[DeleteFileResponse]:
        """Like `Files.delete`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[DeleteFileResponse]",
            await self._client._request(
                DELETE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    async def content(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncAPIResponse[bytes]:
        """Like `Files.content`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[bytes]",
            await self._client._request(
                DOWNLOAD_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )


class AsyncFilesWithStreamingResponse:
    """The files operations (asynchronous), answering with unread HTTP responses."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

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
    ) -> AsyncResponseContextManager[AsyncAPIResponse[OpenAIFile]]:
        """Like `Files.create`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[OpenAIFile]]",
            self._client._request(
                CREATE_FILE,
                {
                    "file": file,
                    "purpose": purpose,
                    "expires_after": expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def retrieve(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[OpenAIFile]]:
        """Like `Files.retrieve`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[OpenAIFile]]",
            self._client._request(
                RETRIEVE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def delete(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[DeleteFileResponse]]:
        """Like `Files.delete`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[DeleteFileResponse]]",
            self._client._request(
                DELETE_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def content(
        self,
        *,
        file_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[bytes]]:
        """Like `Files.content`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[bytes]]",
            self._client._request(
                DOWNLOAD_FILE,
                {
                    "file_id": file_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )


class Batches:
    """Run many image requests asynchronously from an uploaded JSONL file, within 24 hours, and collect the results as files. (synchronous)."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> BatchesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return BatchesWithRawResponse(self._client)

    @functools.cached_property
    def with_streaming_response(self) -> BatchesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return BatchesWithStreamingResponse(self._client)

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
    ) -> ListBatchesResponse:
        """List the organization's batches, newest first.

        Args:
            after: The id of the last batch of the previous page; the list continues after it.
            limit: How many batches to return, from 1 to 100 (20 when not given).
        """
        return cast(
            "ListBatchesResponse",
            self._client._request(
                LIST_BATCHES,
                {
                    "after": after,
                    "limit": limit,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

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

        Args:
            input_file_id: The id of a JSONL file uploaded with the purpose `batch`: one request per
                line, at most 50,000 lines and 200 MB.
            endpoint: The path every request of the batch goes to.
            completion_window: How long the batch may take; `24h` is the only window.
            metadata: Key-value pairs to attach to the batch.
            output_expires_after: When the batch's output and error files are deleted.
        """
        return cast(
            "Batch",
            self._client._request(
                CREATE_BATCH,
                {
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "output_expires_after": output_expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    def retrieve(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Describe one batch, with its status and request counts.

        Args:
            batch_id: The id of the batch.
        """
        return cast(
            "Batch",
            self._client._request(
                RETRIEVE_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    def cancel(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Cancel a batch that has not ended.

        The batch goes to `cancelling`, then (within minutes) to `cancelled`; requests finished
        before that are in its output file.

        Args:
            batch_id: The id of the batch.
        """
        return cast(
            "Batch",
            self._client._request(
                CANCEL_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )


class BatchesWithRawResponse:
    """The batches operations (synchronous), answering with whole HTTP responses."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

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
    ) -> APIResponse[ListBatchesResponse]:
        """Like `Batches.list`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[ListBatchesResponse]",
            self._client._request(
                LIST_BATCHES,
                {
                    "after": after,
                    "limit": limit,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

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
    ) -> APIResponse[Batch]:
        """Like `Batches.create`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[Batch]",
            self._client._request(
                CREATE_BATCH,
                {
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "output_expires_after": output_expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    def retrieve(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> APIResponse[Batch]:
        """Like `Batches.retrieve`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[Batch]",
            self._client._request(
                RETRIEVE_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    def cancel(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> APIResponse[Batch]:
        """Like `Batches.cancel`, answering with the whole HTTP response."""
        return cast(
            "APIResponse[Batch]",
            self._client._request(
                CANCEL_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )


class BatchesWithStreamingResponse:
    """The batches operations (synchronous), answering with unread HTTP responses."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client

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
    ) -> ResponseContextManager[APIResponse[ListBatchesResponse]]:
        """Like `Batches.list`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[ListBatchesResponse]]",
            self._client._request(
                LIST_BATCHES,
                {
                    "after": after,
                    "limit": limit,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

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
    ) -> ResponseContextManager[APIResponse[Batch]]:
        """Like `Batches.create`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[Batch]]",
            self._client._request(
                CREATE_BATCH,
                {
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "output_expires_after": output_expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def retrieve(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ResponseContextManager[APIResponse[Batch]]:
        """Like `Batches.retrieve`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[Batch]]",
            self._client._request(
                RETRIEVE_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def cancel(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ResponseContextManager[APIResponse[Batch]]:
        """Like `Batches.cancel`, answering with the unread HTTP response."""
        return cast(
            "ResponseContextManager[APIResponse[Batch]]",
            self._client._request(
                CANCEL_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )


class AsyncBatches:
    """Run many image requests asynchronously from an uploaded JSONL file, within 24 hours, and collect the results as files. (asynchronous)."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    @functools.cached_property
    def with_raw_response(self) -> AsyncBatchesWithRawResponse:
        """The same methods, answering with the whole HTTP response (`.parse()` gives the result)."""
        return AsyncBatchesWithRawResponse(self._client)

    @functools.cached_property
    def with_streaming_response(self) -> AsyncBatchesWithStreamingResponse:
        """The same methods, answering with a context manager over the unread HTTP response."""
        return AsyncBatchesWithStreamingResponse(self._client)

    async def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> ListBatchesResponse:
        """List the organization's batches, newest first.

        Args:
            after: The id of the last batch of the previous page; the list continues after it.
            limit: How many batches to return, from 1 to 100 (20 when not given).
        """
        return cast(
            "ListBatchesResponse",
            await self._client._request(
                LIST_BATCHES,
                {
                    "after": after,
                    "limit": limit,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

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

        Args:
            input_file_id: The id of a JSONL file uploaded with the purpose `batch`: one request per
                line, at most 50,000 lines and 200 MB.
            endpoint: The path every request of the batch goes to.
            completion_window: How long the batch may take; `24h` is the only window.
            metadata: Key-value pairs to attach to the batch.
            output_expires_after: When the batch's output and error files are deleted.
        """
        return cast(
            "Batch",
            await self._client._request(
                CREATE_BATCH,
                {
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "output_expires_after": output_expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    async def retrieve(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Describe one batch, with its status and request counts.

        Args:
            batch_id: The id of the batch.
        """
        return cast(
            "Batch",
            await self._client._request(
                RETRIEVE_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )

    async def cancel(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> Batch:
        """Cancel a batch that has not ended.

        The batch goes to `cancelling`, then (within minutes) to `cancelled`; requests finished
        before that are in its output file.

        Args:
            batch_id: The id of the batch.
        """
        return cast(
            "Batch",
            await self._client._request(
                CANCEL_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="parsed",
            ),
        )


class AsyncBatchesWithRawResponse:
    """The batches operations (asynchronous), answering with whole HTTP responses."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        after: str | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncAPIResponse[ListBatchesResponse]:
        """Like `Batches.list`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[ListBatchesResponse]",
            await self._client._request(
                LIST_BATCHES,
                {
                    "after": after,
                    "limit": limit,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

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
    ) -> AsyncAPIResponse[Batch]:
        """Like `Batches.create`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[Batch]",
            await self._client._request(
                CREATE_BATCH,
                {
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "output_expires_after": output_expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    async def retrieve(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncAPIResponse[Batch]:
        """Like `Batches.retrieve`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[Batch]",
            await self._client._request(
                RETRIEVE_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )

    async def cancel(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncAPIResponse[Batch]:
        """Like `Batches.cancel`, answering with the whole HTTP response."""
        return cast(
            "AsyncAPIResponse[Batch]",
            await self._client._request(
                CANCEL_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="raw",
            ),
        )


class AsyncBatchesWithStreamingResponse:
    """The batches operations (asynchronous), answering with unread HTTP responses."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client

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
    ) -> AsyncResponseContextManager[AsyncAPIResponse[ListBatchesResponse]]:
        """Like `Batches.list`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[ListBatchesResponse]]",
            self._client._request(
                LIST_BATCHES,
                {
                    "after": after,
                    "limit": limit,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

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
    ) -> AsyncResponseContextManager[AsyncAPIResponse[Batch]]:
        """Like `Batches.create`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[Batch]]",
            self._client._request(
                CREATE_BATCH,
                {
                    "input_file_id": input_file_id,
                    "endpoint": endpoint,
                    "completion_window": completion_window,
                    "metadata": metadata,
                    "output_expires_after": output_expires_after,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def retrieve(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[Batch]]:
        """Like `Batches.retrieve`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[Batch]]",
            self._client._request(
                RETRIEVE_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )

    def cancel(
        self,
        *,
        batch_id: str,
        extra_headers: Headers | None = None,
        extra_query: Query | None = None,
        extra_body: Body | None = None,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
        validation: ValidationMode | NotGiven = NOT_GIVEN,
    ) -> AsyncResponseContextManager[AsyncAPIResponse[Batch]]:
        """Like `Batches.cancel`, answering with the unread HTTP response."""
        return cast(
            "AsyncResponseContextManager[AsyncAPIResponse[Batch]]",
            self._client._request(
                CANCEL_BATCH,
                {
                    "batch_id": batch_id,
                },
                RequestOptions(
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                    timeout=timeout,
                    validation=validation,
                ),
                mode="streaming",
            ),
        )


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
