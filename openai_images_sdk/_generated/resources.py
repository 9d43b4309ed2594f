# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: 707bf39e39b49b9a09846f49d569ec9d36708e89effde792494c16a0b3a9f4f5
"""Resource classes with one method per operation (generated sync and async twins)."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Literal, cast, overload

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
    ImageBackground,
    ImageComplexity,
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
)
from .operations import CREATE_IMAGE, CREATE_IMAGE_EDIT, CREATE_IMAGE_VARIATION

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
    "AsyncImages",
    "AsyncImagesWithRawResponse",
    "AsyncImagesWithStreamingResponse",
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
            frame_duration_ms: How long each gif frame shows, in milliseconds, rounded to 10 ms;
                only with `output_format` gif.
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
                abuse; takes precedence over `user`.
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
            frame_duration_ms: How long each gif frame shows, in milliseconds, rounded to 10 ms;
                only with `output_format` gif.
            svg: Options for svg output; only with `output_format` svg. Sent as the bracketed parts
                `svg[model]` and `svg[reasoning][effort]`.
            background: Transparent, opaque or automatic background (GPT image models only).
            stream: Whether to stream events (partial images, then the final image) instead of
                returning one JSON body. GPT image models only.
            partial_images: How many partial images to stream before the final one, 0 to 3; only
                when streaming.
            safety_identifier: A stable, non-identifying id of your end user that helps detect
                abuse; takes precedence over `user`.
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
            frame_duration_ms: How long each gif frame shows, in milliseconds, rounded to 10 ms;
                only with `output_format` gif.
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
                abuse; takes precedence over `user`.
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
            frame_duration_ms: How long each gif frame shows, in milliseconds, rounded to 10 ms;
                only with `output_format` gif.
            svg: Options for svg output; only with `output_format` svg. Sent as the bracketed parts
                `svg[model]` and `svg[reasoning][effort]`.
            background: Transparent, opaque or automatic background (GPT image models only).
            stream: Whether to stream events (partial images, then the final image) instead of
                returning one JSON body. GPT image models only.
            partial_images: How many partial images to stream before the final one, 0 to 3; only
                when streaming.
            safety_identifier: A stable, non-identifying id of your end user that helps detect
                abuse; takes precedence over `user`.
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
        quality: ImageEditQuality | None | NotGiven = NOT_GIVEN,
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
        safety_identifier: str | NotGiven = NOT_GIVEN,
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
