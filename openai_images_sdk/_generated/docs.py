# Generated from spec/openapi.yaml and spec/model-capabilities.yaml by `python -m codegen`; do not edit by hand.
# spec sha256: da38249b4bf6f670aacadce1a2c1271414a88fc48e7b1964227645a71bf6b650
"""What each parameter of each operation means, shared by the sync and async methods.

`openai_images_sdk._resource.documented` turns each table into the ``Args:`` section of
the methods' docstrings (what `help()` shows).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

__all__ = [
    "CREATE_IMAGE",
    "CREATE_IMAGE_EDIT",
    "CREATE_IMAGE_VARIATION",
    "CREATE_FILE",
    "RETRIEVE_FILE",
    "DELETE_FILE",
    "DOWNLOAD_FILE",
    "LIST_BATCHES",
    "CREATE_BATCH",
    "RETRIEVE_BATCH",
    "CANCEL_BATCH",
]


CREATE_IMAGE: Final[Mapping[str, str]] = {
    "prompt": "What to draw. At most 32,000 characters for the GPT image models, 4,000 for dall-e-3 and 1,000 for dall-e-2.",
    "model": "The model that draws the images.",
    "n": "How many images to make, 1 to 10 (dall-e-3 makes one).",
    "quality": "The rendering effort.",
    "complexity": "How much the model plans the image before drawing it.",
    "response_format": "URL or base64 data, for the DALL·E models only.",
    "output_format": "The file format of the images (GPT image models only).",
    "output_compression": "Compression of webp and jpeg output, 0 to 100 percent.",
    "frame_count": "The number of frames of a gif, 2 to 16; only with `output_format` gif.",
    "frame_duration_ms": "How long each gif frame shows, in milliseconds, rounded to 10 ms and at most 655,350; only with `output_format` gif.",
    "svg": "Options for svg output; only with `output_format` svg.",
    "stream": "Whether to stream events (partial images, then the final image) instead of returning one JSON body. GPT image models only.",
    "partial_images": "How many partial images to stream before the final one, 0 to 3; only when streaming. The final image may arrive before all of them.",
    "size": "The size of the images.",
    "moderation": "The content-moderation level (GPT image models only).",
    "background": "Transparent, opaque or automatic background (GPT image models only).",
    "style": "Vivid or natural look (dall-e-3 only).",
    "safety_identifier": "A stable, non-identifying id of your end user that helps detect abuse; takes precedence over `user`. `null` or empty falls back to `user`.",
    "user": "Deprecated. An id of your end user; replaced by `safety_identifier`.",
}
"""The parameters of `images.generate`."""

CREATE_IMAGE_EDIT: Final[Mapping[str, str]] = {
    "image": "The image to edit, or up to 16 images (png, webp or jpeg, each under 50 MB, for the GPT image models; one square png under 4 MB for dall-e-2). One file goes as the part `image`, several as repeated `image[]` parts.",
    "prompt": "What the edit should produce. At most 32,000 characters for the GPT image models and 1,000 for dall-e-2.",
    "mask": "A png under 4 MB, with alpha and the dimensions of the first image, whose fully transparent pixels mark where that image may change.",
    "markup": "A transparent png drawn over the first image to guide the edit (arrows, outlines, notes), with the dimensions of that image. Cannot be combined with `mask`.",
    "model": "The model that edits the images.",
    "n": "How many images to make, 1 to 10.",
    "quality": "The rendering effort.",
    "complexity": "How much the model plans the image before drawing it.",
    "input_fidelity": "How closely the result keeps the input images' style and features; high or low on gpt-image-1.5, only low on gpt-image-1-mini, not for gpt-image-2.",
    "size": "The size of the images.",
    "response_format": "URL or base64 data, for dall-e-2 only.",
    "output_format": "The file format of the images (GPT image models only).",
    "output_compression": "Compression of webp and jpeg output, 0 to 100 percent.",
    "frame_count": "The number of frames of a gif, 2 to 16; only with `output_format` gif.",
    "frame_duration_ms": "How long each gif frame shows, in milliseconds, rounded to 10 ms and at most 655,350; only with `output_format` gif.",
    "svg": "Options for svg output; only with `output_format` svg. Sent as the bracketed parts `svg[model]` and `svg[reasoning][effort]`.",
    "background": "Transparent, opaque or automatic background (GPT image models only).",
    "stream": "Whether to stream events (partial images, then the final image) instead of returning one JSON body. GPT image models only.",
    "partial_images": "How many partial images to stream before the final one, 0 to 3; only when streaming.",
    "safety_identifier": "A stable, non-identifying id of your end user that helps detect abuse; takes precedence over `user`. `null` or empty falls back to `user`.",
    "user": "Deprecated. An id of your end user; replaced by `safety_identifier`.",
    "moderation": "The content-moderation level.",
}
"""The parameters of `images.edit`."""

CREATE_IMAGE_VARIATION: Final[Mapping[str, str]] = {
    "image": "The image to vary, a square png under 4 MB.",
    "model": "The model that makes the variations.",
    "n": "How many variations to make, 1 to 10.",
    "response_format": "URL or base64 data.",
    "size": "The size of the variations.",
    "user": "Deprecated. An id of your end user; replaced by `safety_identifier`.",
}
"""The parameters of `images.create_variation`."""

CREATE_FILE: Final[Mapping[str, str]] = {
    "file": "The file to store (its content, not its name).",
    "purpose": "What the file is for; `batch` for a Batch API input.",
    "expires_after": "When the file is deleted. Without it, batch input files expire after 30 days and other files are kept until deleted. Sent as the bracketed parts `expires_after[anchor]` and `expires_after[seconds]`.",
}
"""The parameters of `files.create`."""

RETRIEVE_FILE: Final[Mapping[str, str]] = {
    "file_id": "The id of the file.",
}
"""The parameters of `files.retrieve`."""

DELETE_FILE: Final[Mapping[str, str]] = {
    "file_id": "The id of the file.",
}
"""The parameters of `files.delete`."""

DOWNLOAD_FILE: Final[Mapping[str, str]] = {
    "file_id": "The id of the file.",
}
"""The parameters of `files.content`."""

LIST_BATCHES: Final[Mapping[str, str]] = {
    "after": "The id of the last batch of the previous page; the list continues after it.",
    "limit": "How many batches to return, from 1 to 100 (20 when not given).",
}
"""The parameters of `batches.list`."""

CREATE_BATCH: Final[Mapping[str, str]] = {
    "input_file_id": "The id of a JSONL file uploaded with the purpose `batch`: one request per line, at most 50,000 lines and 200 MB.",
    "endpoint": "The path every request of the batch goes to.",
    "completion_window": "How long the batch may take; `24h` is the only window.",
    "metadata": "Key-value pairs to attach to the batch.",
    "output_expires_after": "When the batch's output and error files are deleted.",
}
"""The parameters of `batches.create`."""

RETRIEVE_BATCH: Final[Mapping[str, str]] = {
    "batch_id": "The id of the batch.",
}
"""The parameters of `batches.retrieve`."""

CANCEL_BATCH: Final[Mapping[str, str]] = {
    "batch_id": "The id of the batch.",
}
"""The parameters of `batches.cancel`."""
