"""Input files and images: the one home for reading, recognising and judging them.

- `_sources`: file inputs (paths, bytes, file objects, tuples) -> a replayable
  `UploadFile`, read again from its first byte on every attempt.
- `_formats`: format sniffing and header parsing (PNG, JPEG, WEBP, GIF; SVG by name),
  with one canonical name per format (``jpeg``) and its MIME type and extension.
- `_checks`: every rule an input is judged by (count, size, format, mask, markup,
  the model's input rules) and how ``validation=`` settles a broken one.

The request-body layer (`_uploads`) calls these; nothing else sniffs bytes.
"""

from ._checks import (
    IMAGE_FORMATS,
    IMAGE_MAX_BYTES,
    MASK_MAX_BYTES,
    MAX_IMAGES,
    describe,
    file_violations,
    model_input_violations,
    overlay_violations,
    settle,
)
from ._formats import (
    CONTENT_TYPES,
    EXTENSIONS,
    OCTET_STREAM,
    ImageFormat,
    ImageHeader,
    probe,
    probe_bytes,
    probe_data_url,
    sniff,
    sniff_format,
    suffix_for,
)
from ._sources import UploadFile, is_file_input, prepare_file

__all__ = [
    "CONTENT_TYPES",
    "EXTENSIONS",
    "IMAGE_FORMATS",
    "IMAGE_MAX_BYTES",
    "MASK_MAX_BYTES",
    "MAX_IMAGES",
    "OCTET_STREAM",
    "ImageFormat",
    "ImageHeader",
    "UploadFile",
    "describe",
    "file_violations",
    "is_file_input",
    "model_input_violations",
    "overlay_violations",
    "prepare_file",
    "probe",
    "probe_bytes",
    "probe_data_url",
    "settle",
    "sniff",
    "sniff_format",
    "suffix_for",
]
