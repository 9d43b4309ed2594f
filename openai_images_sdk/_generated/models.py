# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: 707bf39e39b49b9a09846f49d569ec9d36708e89effde792494c16a0b3a9f4f5
"""Models and type aliases of the spec's schemas."""

from typing import Literal, Required, TypeAlias, TypedDict

import attrs

from openai_images_sdk._results import ImageMixin, ImagesResponseMixin

ImageModel: TypeAlias = (
    Literal[
        "gpt-image-2.6-sunburst",
        "gpt-image-2.6-flare",
        "gpt-image-2.5-sunburst",
        "gpt-image-2.5-sunburst-2026-09-08",
        "gpt-image-2.5-flare",
        "gpt-image-2.5-flare-2026-09-08",
        "gpt-image-2",
        "gpt-image-2-2026-04-21",
        "gpt-image-1.5",
        "gpt-image-1-mini",
        "chatgpt-image-latest",
        "gpt-image-1",
        "dall-e-3",
        "dall-e-2",
    ]
    | str
)
"""A model that generates images. Any model name is accepted; the listed ones are known to this SDK."""


ImageEditModel: TypeAlias = (
    Literal[
        "gpt-image-2.6-sunburst",
        "gpt-image-2.6-flare",
        "gpt-image-2.5-sunburst",
        "gpt-image-2.5-sunburst-2026-09-08",
        "gpt-image-2.5-flare",
        "gpt-image-2.5-flare-2026-09-08",
        "gpt-image-2",
        "gpt-image-2-2026-04-21",
        "gpt-image-1.5",
        "gpt-image-1-mini",
        "chatgpt-image-latest",
        "gpt-image-1",
        "dall-e-2",
    ]
    | str
)
"""A model that edits images. Any model name is accepted; the listed ones are known to this SDK. Image references (the JSON body) work with the GPT image models only."""


ImageVariationModel: TypeAlias = Literal["dall-e-2"] | str
"""A model that makes variations. Only dall-e-2 ever did."""


ImageSize: TypeAlias = (
    Literal[
        "auto",
        "1024x1024",
        "1536x1024",
        "1024x1536",
        "256x256",
        "512x512",
        "1792x1024",
        "1024x1792",
    ]
    | str
)
"""The size of an image as `WIDTHxHEIGHT` in pixels, or `auto`. The listed sizes are the standard ones; the gpt-image-2 and 2.5 models accept any size whose sides are multiples of 16, with an aspect ratio between 1:3 and 3:1, up to 3840x2160."""


ImageEditSize: TypeAlias = (
    Literal["auto", "1024x1024", "1536x1024", "1024x1536", "256x256", "512x512"] | str
)
"""The size of an edited image as `WIDTHxHEIGHT` in pixels, or `auto`. Free sizes follow the same rules as for generation."""


ImageVariationSize: TypeAlias = Literal["256x256", "512x512", "1024x1024"]
"""The size of an image variation."""


ImageQuality: TypeAlias = Literal["auto", "low", "medium", "high", "xhigh", "max", "standard", "hd"]
"""How much effort goes into rendering. `low`, `medium`, `high`, `xhigh` and `max` are for the GPT image models (`xhigh` and `max` for the newest ones); `standard` and `hd` are the legacy DALL·E values; `auto` lets the model choose."""


ImageEditQuality: TypeAlias = Literal["auto", "low", "medium", "high", "xhigh", "max", "standard"]
"""How much effort goes into rendering an edit. `standard` is the dall-e-2 value."""


ImageOutputFormat: TypeAlias = Literal["png", "jpeg", "webp", "gif", "svg"]
"""The file format of the returned images (GPT image models only). `gif` returns an animation, `svg` a vector drawing."""


ImageBackground: TypeAlias = Literal["transparent", "opaque", "auto"]
"""Whether the background is transparent (png or webp output), opaque, or chosen by the model (`auto`)."""


ImageModeration: TypeAlias = Literal["low", "auto"]
"""The content-moderation level of the GPT image models."""


ImageResponseFormat: TypeAlias = Literal["url", "b64_json"]
"""Whether DALL·E models return a URL (valid for 60 minutes) or base64 data. The GPT image models always return base64 data."""


ImageStyle: TypeAlias = Literal["vivid", "natural"]
"""The look of dall-e-3 images, dramatic (`vivid`) or plainer (`natural`)."""


ImageComplexity: TypeAlias = Literal["low", "medium", "high"]
"""How much the model plans the image before drawing it, independent of `quality`."""


InputFidelity: TypeAlias = Literal["high", "low"]
"""How closely an edit keeps the style and features (faces above all) of the input images."""


SvgReasoningEffort: TypeAlias = Literal["none", "minimal", "low", "medium", "high", "xhigh", "max"]
"""How much the model that writes an SVG reasons before answering."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageSvgReasoning:
    """Reasoning options of the model that writes the SVG."""

    effort: SvgReasoningEffort | None = None
    """The reasoning effort."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageSvgOptions:
    """Options for `svg` output: which model writes the drawing and how hard it reasons. Only with `output_format` `svg`, which needs `n` 1 and rules out streaming, `partial_images` and `output_compression`."""

    model: str
    """The model that writes the SVG."""
    reasoning: ImageSvgReasoning | None = None
    """How hard the SVG model reasons."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageRefParam:
    """An input image given by reference instead of by upload: exactly one of `image_url` and `file_id`."""

    image_url: str | None = None
    """An http(s) URL of the image, or a `data:` URL with its base64 content."""
    file_id: str | None = None
    """The id of an image uploaded with the File API."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class Image(ImageMixin):
    """One produced image, as base64 data or as a URL."""

    b64_json: str | None = None
    """The image file, base64-encoded. Always set for the GPT image models; for DALL·E only with `response_format` b64_json."""
    url: str | None = None
    """Where to download the image for 60 minutes (DALL·E with `response_format` url)."""
    revised_prompt: str | None = None
    """The prompt dall-e-3 actually used after rewriting yours."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageGenInputUsageDetails:
    """How the input tokens split into text and image tokens."""

    text_tokens: int
    """Tokens of the prompt text."""
    image_tokens: int
    """Tokens of the input images."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageGenOutputTokensDetails:
    """How the output tokens split into image and text tokens."""

    image_tokens: int
    """Tokens of the output images."""
    text_tokens: int
    """Tokens of output text."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageGenUsage:
    """Token usage of a request to a GPT image model."""

    input_tokens: int
    """Tokens of the input (prompt text and images)."""
    output_tokens: int
    """Tokens of the output."""
    total_tokens: int
    """Input and output tokens together."""
    input_tokens_details: ImageGenInputUsageDetails
    """The input tokens by kind."""
    output_tokens_details: ImageGenOutputTokensDetails | None = None
    """The output tokens by kind."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImagesUsage:
    """Token usage reported by the completed event of a stream."""

    input_tokens: int
    """Tokens of the input (prompt text and images)."""
    output_tokens: int
    """Tokens of the output image."""
    total_tokens: int
    """Input and output tokens together."""
    input_tokens_details: ImageGenInputUsageDetails
    """The input tokens by kind."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageSvgUsage:
    """Token usage of the model that wrote an svg."""

    input_tokens: int
    """Input tokens of that model."""
    output_tokens: int
    """Output tokens of that model."""
    total_tokens: int
    """Input and output tokens together."""
    model: str | None = None
    """The model that wrote the svg."""
    reasoning_tokens: int | None = None
    """The part of the output tokens spent reasoning."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageGenPartialImageEvent:
    """A partial image, sent while a streamed generation is in progress."""

    type: Literal["image_generation.partial_image"]
    """Always `image_generation.partial_image`."""
    b64_json: str
    """The partial image, base64-encoded."""
    created_at: int
    """When the event was made, in seconds since the Unix epoch."""
    size: ImageSize
    """The requested size."""
    quality: ImageQuality | str
    """The requested quality."""
    background: ImageBackground | str
    """The requested background."""
    output_format: ImageOutputFormat | str
    """The requested file format."""
    partial_image_index: int
    """The position of this partial image, from 0."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageGenCompletedEvent:
    """The final image of a streamed generation."""

    type: Literal["image_generation.completed"]
    """Always `image_generation.completed`."""
    b64_json: str
    """The final image, base64-encoded."""
    created_at: int
    """When the event was made, in seconds since the Unix epoch."""
    size: ImageSize
    """The size of the image."""
    quality: ImageQuality | str
    """The quality of the image."""
    background: ImageBackground | str
    """The background of the image."""
    output_format: ImageOutputFormat | str
    """The file format of the image."""
    usage: ImagesUsage
    """Token usage of the whole request."""
    safety_identifier: str | None = None
    """The safety identifier the request carried."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageEditPartialImageEvent:
    """A partial image, sent while a streamed edit is in progress."""

    type: Literal["image_edit.partial_image"]
    """Always `image_edit.partial_image`."""
    b64_json: str
    """The partial image, base64-encoded."""
    created_at: int
    """When the event was made, in seconds since the Unix epoch."""
    size: ImageSize
    """The requested size."""
    quality: ImageQuality | str
    """The requested quality."""
    background: ImageBackground | str
    """The requested background."""
    output_format: ImageOutputFormat | str
    """The requested file format."""
    partial_image_index: int
    """The position of this partial image, from 0."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageEditCompletedEvent:
    """The final image of a streamed edit."""

    type: Literal["image_edit.completed"]
    """Always `image_edit.completed`."""
    b64_json: str
    """The final image, base64-encoded."""
    created_at: int
    """When the event was made, in seconds since the Unix epoch."""
    size: ImageSize
    """The size of the image."""
    quality: ImageQuality | str
    """The quality of the image."""
    background: ImageBackground | str
    """The background of the image."""
    output_format: ImageOutputFormat | str
    """The file format of the image."""
    usage: ImagesUsage
    """Token usage of the whole request."""
    safety_identifier: str | None = None
    """The safety identifier the request carried."""


ImageGenStreamEvent: TypeAlias = ImageGenPartialImageEvent | ImageGenCompletedEvent
"""An event of a streamed generation."""


ImageEditStreamEvent: TypeAlias = ImageEditPartialImageEvent | ImageEditCompletedEvent
"""An event of a streamed edit."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImagesResponse(ImagesResponseMixin):
    """The images an operation produced, with the settings used and the token usage."""

    created: int
    """When the images were made, in seconds since the Unix epoch."""
    data: list[Image] | None = None
    """The images."""
    background: ImageBackground | str | None = None
    """The background the images got (GPT image models)."""
    output_format: ImageOutputFormat | str | None = None
    """The file format of the images (GPT image models)."""
    size: ImageSize | None = None
    """The size of the images, e.g. `1536x864` (GPT image models)."""
    quality: ImageQuality | str | None = None
    """The quality the images were rendered at (GPT image models)."""
    usage: ImageGenUsage | None = None
    """Token usage (GPT image models)."""
    svg_usage: ImageSvgUsage | None = None
    """Token usage of the model that wrote the svg (svg output only)."""
    safety_identifier: str | None = None
    """The safety identifier the request carried."""


class ImageSvgReasoningDict(TypedDict, total=False):
    """`ImageSvgReasoning` as a plain dict. Reasoning options of the model that writes the SVG."""

    effort: SvgReasoningEffort
    """The reasoning effort."""


class ImageSvgOptionsDict(TypedDict, total=False):
    """`ImageSvgOptions` as a plain dict. Options for `svg` output: which model writes the drawing and how hard it reasons. Only with `output_format` `svg`, which needs `n` 1 and rules out streaming, `partial_images` and `output_compression`."""

    model: Required[str]
    """The model that writes the SVG."""
    reasoning: ImageSvgReasoningDict
    """How hard the SVG model reasons."""


class ImageRefParamDict(TypedDict, total=False):
    """`ImageRefParam` as a plain dict. An input image given by reference instead of by upload: exactly one of `image_url` and `file_id`."""

    image_url: str
    """An http(s) URL of the image, or a `data:` URL with its base64 content."""
    file_id: str
    """The id of an image uploaded with the File API."""


__all__ = [
    "Image",
    "ImageBackground",
    "ImageComplexity",
    "ImageEditCompletedEvent",
    "ImageEditModel",
    "ImageEditPartialImageEvent",
    "ImageEditQuality",
    "ImageEditSize",
    "ImageEditStreamEvent",
    "ImageGenCompletedEvent",
    "ImageGenInputUsageDetails",
    "ImageGenOutputTokensDetails",
    "ImageGenPartialImageEvent",
    "ImageGenStreamEvent",
    "ImageGenUsage",
    "ImageModel",
    "ImageModeration",
    "ImageOutputFormat",
    "ImageQuality",
    "ImageRefParam",
    "ImageRefParamDict",
    "ImageResponseFormat",
    "ImageSize",
    "ImageStyle",
    "ImageSvgOptions",
    "ImageSvgOptionsDict",
    "ImageSvgReasoning",
    "ImageSvgReasoningDict",
    "ImageSvgUsage",
    "ImageVariationModel",
    "ImageVariationSize",
    "ImagesResponse",
    "ImagesUsage",
    "InputFidelity",
    "SvgReasoningEffort",
]
