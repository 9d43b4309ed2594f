# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: da38249b4bf6f670aacadce1a2c1271414a88fc48e7b1964227645a71bf6b650
"""Models and type aliases of the spec's schemas."""

from typing import Literal, Required, TypeAlias, TypedDict

import attrs

from openai_images_sdk._model import ModelMethods
from openai_images_sdk._results import ImageMixin, ImagesResponseMixin, ResponseMetaMixin

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
"""How much effort goes into rendering. `low`, `medium` and `high` are for the GPT image models, `xhigh` and `max` for the GPT Image 2.5 models only; `standard` (dall-e-2) and `hd` (dall-e-3) are deprecated DALL·E values; `auto` lets the model choose."""


ImageEditQuality: TypeAlias = Literal["auto", "low", "medium", "high", "xhigh", "max", "standard"]
"""How much effort goes into rendering an edit. `standard` is the dall-e-2 value."""


ImageEditJsonQuality: TypeAlias = Literal["auto", "low", "medium", "high", "xhigh", "max"]
"""How much effort goes into rendering an edit sent by reference. Only GPT image models take JSON edits, so the dall-e-2 value `standard` is not among them."""


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
class ImageSvgReasoning(ModelMethods):
    """Reasoning options of the model that writes the SVG."""

    effort: SvgReasoningEffort | None = None
    """The reasoning effort."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageSvgOptions(ModelMethods):
    """Options for `svg` output: which model writes the drawing and how hard it reasons. Only with `output_format` `svg`, which needs `n` 1 and rules out streaming, `partial_images` and `output_compression`."""

    model: str
    """The model that writes the SVG."""
    reasoning: ImageSvgReasoning | None = None
    """How hard the SVG model reasons."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageRefParam(ModelMethods):
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
class ImageGenInputUsageDetails(ModelMethods):
    """How the input tokens split into text and image tokens."""

    text_tokens: int
    """Tokens of the prompt text."""
    image_tokens: int
    """Tokens of the input images."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageGenOutputTokensDetails(ModelMethods):
    """How the output tokens split into image and text tokens."""

    image_tokens: int
    """Tokens of the output images."""
    text_tokens: int
    """Tokens of output text."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ImageGenUsage(ModelMethods):
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
class ImagesUsage(ModelMethods):
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
class ImageSvgUsage(ModelMethods):
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
class ImageGenPartialImageEvent(ModelMethods):
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
class ImageGenCompletedEvent(ModelMethods):
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
class ImageEditPartialImageEvent(ModelMethods):
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
class ImageEditCompletedEvent(ModelMethods):
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


FilePurpose: TypeAlias = Literal["batch", "vision", "user_data", "assistants", "fine-tune", "evals"]
"""What an uploaded file is for. `batch` marks a Batch API input; `vision` and `user_data` are used for images referenced by file id."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class FileExpirationAfter(ModelMethods):
    """An expiration policy for an uploaded file."""

    anchor: Literal["created_at"]
    """The time the expiry counts from; `created_at`, the upload."""
    seconds: int
    """Seconds after the anchor when the file expires, 1 hour to 30 days."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class OpenAIFile(ResponseMetaMixin):
    """A stored file."""

    id: str
    """The file's id, used to refer to it in other requests."""
    object: Literal["file"]
    """Always `file`."""
    bytes: int
    """The file's size in bytes."""
    created_at: int
    """When the file was stored, in seconds since the Unix epoch."""
    filename: str
    """The name the file was uploaded with."""
    purpose: FilePurpose | str
    """What the file is for; files the API writes have their own purposes, such as `batch_output`."""
    expires_at: int | None = None
    """When the file will be deleted, in seconds since the Unix epoch."""
    status: str | None = None
    """Deprecated; `uploaded`, `processed` or `error`."""
    status_details: str | None = None
    """Deprecated; why processing failed."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class DeleteFileResponse(ModelMethods):
    """The answer to a file deletion."""

    id: str
    """The id of the deleted file."""
    object: Literal["file"]
    """Always `file`."""
    deleted: bool
    """Whether the file is gone."""


Metadata: TypeAlias = dict[str, str]
"""Up to 16 key-value pairs attached to an object; keys of at most 64 characters, values of at most 512."""


BatchEndpoint: TypeAlias = Literal["/v1/images/generations", "/v1/images/edits"] | str
"""The API path every request of a batch goes to. The images ones are listed; the Batch API serves other endpoints too."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class BatchFileExpirationAfter(ModelMethods):
    """An expiration policy for the files a batch writes, counted from each file's creation (not the batch's)."""

    anchor: Literal["created_at"]
    """The time the expiry counts from; `created_at`, the output file's creation."""
    seconds: int
    """Seconds after the anchor when the file expires, 1 hour to 30 days."""


BatchStatus: TypeAlias = Literal[
    "validating",
    "failed",
    "in_progress",
    "finalizing",
    "completed",
    "expired",
    "cancelling",
    "cancelled",
]
"""Where a batch is in its life."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class BatchRequestCounts(ModelMethods):
    """How many requests of a batch there are, and how many succeeded or failed."""

    total: int
    """All requests of the batch."""
    completed: int
    """Requests that succeeded."""
    failed: int
    """Requests that failed."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class BatchError(ModelMethods):
    """One problem found with a batch or its input file."""

    code: str | None = None
    """What kind of problem."""
    message: str | None = None
    """The problem in words."""
    param: str | None = None
    """The parameter at fault, if any."""
    line: int | None = None
    """The line of the input file at fault, if any."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class BatchErrors(ModelMethods):
    """The problems that stopped a batch, such as an invalid input file."""

    object: str | None = None
    """Always `list`."""
    data: list[BatchError] | None = None
    """The problems."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class BatchUsageInputTokensDetails(ModelMethods):
    """The input tokens of a batch, broken down."""

    cached_tokens: int
    """Input tokens read from the prompt cache."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class BatchUsageOutputTokensDetails(ModelMethods):
    """The output tokens of a batch, broken down."""

    reasoning_tokens: int
    """Output tokens spent reasoning."""


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


@attrs.define(frozen=True, kw_only=True, slots=True)
class BatchUsage(ModelMethods):
    """Token usage of a batch, with input and output breakdowns."""

    input_tokens: int
    """Input tokens."""
    input_tokens_details: BatchUsageInputTokensDetails
    """How the input tokens break down."""
    output_tokens: int
    """Output tokens."""
    output_tokens_details: BatchUsageOutputTokensDetails
    """How the output tokens break down."""
    total_tokens: int
    """Input and output tokens together."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class Batch(ResponseMetaMixin):
    """A batch of requests run asynchronously."""

    id: str
    """The batch's id."""
    object: Literal["batch"]
    """Always `batch`."""
    endpoint: str
    """The path every request of the batch goes to."""
    input_file_id: str
    """The id of the input file."""
    completion_window: str
    """How long the batch may take."""
    status: BatchStatus | str
    """Where the batch is in its life."""
    created_at: int
    """When the batch was created, in seconds since the Unix epoch."""
    model: str | None = None
    """The model the batch's requests used, when the API reports it."""
    errors: BatchErrors | None = None
    """Problems that stopped the batch (e.g. an invalid input file)."""
    output_file_id: str | None = None
    """The JSONL file of the requests that succeeded, once there is one."""
    error_file_id: str | None = None
    """The JSONL file of the requests that failed, once there is one."""
    in_progress_at: int | None = None
    """When processing started."""
    expires_at: int | None = None
    """When the batch expires if it has not ended."""
    finalizing_at: int | None = None
    """When the batch started writing its result files."""
    completed_at: int | None = None
    """When the batch completed."""
    failed_at: int | None = None
    """When the batch failed."""
    expired_at: int | None = None
    """When the batch expired."""
    cancelling_at: int | None = None
    """When cancelling started."""
    cancelled_at: int | None = None
    """When the batch was cancelled."""
    request_counts: BatchRequestCounts | None = None
    """How many requests succeeded and failed so far."""
    metadata: Metadata | None = None
    """The key-value pairs attached to the batch."""
    usage: BatchUsage | None = None
    """Token usage of the whole batch (batches created after 2025-09-07 only)."""


@attrs.define(frozen=True, kw_only=True, slots=True)
class ListBatchesResponse(ModelMethods):
    """One page of batches."""

    object: Literal["list"]
    """Always `list`."""
    data: list[Batch]
    """The batches of this page."""
    has_more: bool
    """Whether more batches follow."""
    first_id: str | None = None
    """The id of the first batch of the page."""
    last_id: str | None = None
    """The id of the last batch; pass it as `after` for the next page."""


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


class FileExpirationAfterDict(TypedDict, total=False):
    """`FileExpirationAfter` as a plain dict. An expiration policy for an uploaded file."""

    anchor: Required[Literal["created_at"]]
    """The time the expiry counts from; `created_at`, the upload."""
    seconds: Required[int]
    """Seconds after the anchor when the file expires, 1 hour to 30 days."""


class BatchFileExpirationAfterDict(TypedDict, total=False):
    """`BatchFileExpirationAfter` as a plain dict. An expiration policy for the files a batch writes, counted from each file's creation (not the batch's)."""

    anchor: Required[Literal["created_at"]]
    """The time the expiry counts from; `created_at`, the output file's creation."""
    seconds: Required[int]
    """Seconds after the anchor when the file expires, 1 hour to 30 days."""


__all__ = [
    "Batch",
    "BatchEndpoint",
    "BatchError",
    "BatchErrors",
    "BatchFileExpirationAfter",
    "BatchFileExpirationAfterDict",
    "BatchRequestCounts",
    "BatchStatus",
    "BatchUsage",
    "BatchUsageInputTokensDetails",
    "BatchUsageOutputTokensDetails",
    "DeleteFileResponse",
    "FileExpirationAfter",
    "FileExpirationAfterDict",
    "FilePurpose",
    "Image",
    "ImageBackground",
    "ImageComplexity",
    "ImageEditCompletedEvent",
    "ImageEditJsonQuality",
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
    "ListBatchesResponse",
    "Metadata",
    "OpenAIFile",
    "SvgReasoningEffort",
]
