"""Old import path of `openai_images_sdk._inputs._sources` (file inputs -> `UploadFile`)."""

from ._inputs._sources import (
    ASYNC_CHUNK_SIZE,
    CHUNK_SIZE,
    SPOOL_MEMORY_LIMIT,
    InMemoryChunks,
    ThreadedChunks,
    UploadFile,
    is_file_input,
    prepare_file,
)

__all__ = [
    "ASYNC_CHUNK_SIZE",
    "CHUNK_SIZE",
    "SPOOL_MEMORY_LIMIT",
    "InMemoryChunks",
    "ThreadedChunks",
    "UploadFile",
    "is_file_input",
    "prepare_file",
]
