"""Old import path of `openai_images_sdk._inputs._formats` (format sniffing and headers)."""

from ._inputs._formats import (
    CONTENT_TYPES,
    EXTENSIONS,
    ImageFormat,
    ImageHeader,
    ReadAt,
    probe,
    probe_bytes,
    probe_data_url,
    sniff,
    sniff_format,
)

__all__ = [
    "CONTENT_TYPES",
    "EXTENSIONS",
    "ImageFormat",
    "ImageHeader",
    "ReadAt",
    "probe",
    "probe_bytes",
    "probe_data_url",
    "sniff",
    "sniff_format",
]
