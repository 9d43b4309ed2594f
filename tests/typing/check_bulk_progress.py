"""Type-checked, never run: the status lines' keywords, forwarded through `LineOptions`.

`BulkProgress` and `CollectProgress` take `stream`, `enabled` and `clock` as
``**line: Unpack[LineOptions]``; these lines keep each keyword checked by name and type.
"""

from __future__ import annotations

import io

from openai_images_sdk.bulk import BulkProgress, CollectProgress


def accepted() -> None:
    BulkProgress(total=3, stream=io.StringIO(), enabled=True, clock=lambda: 0.0)
    BulkProgress()
    CollectProgress(batches=2, stream=None, enabled=None)


def refused() -> None:
    BulkProgress(colour=True)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    BulkProgress(enabled="yes")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    CollectProgress(batches=1, clock=1.0)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    CollectProgress(batches=1, stream=b"")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
