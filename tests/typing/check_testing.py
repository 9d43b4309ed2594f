"""Type-checked, never run: the testing toolkit's answer builders.

`images_response` / `images_response_body` and `error_response` / `error_body` take
their shared keywords through one TypedDict each (`**fields: Unpack[...]`); the lines
below keep every keyword checked by name and type. The must-fail lines carry a mypy and
a pyright ignore, which become unused (an error) if a keyword stops being checked.
"""

from __future__ import annotations

from typing import assert_type

import httpx

from openai_images_sdk.testing import (
    error_body,
    error_response,
    images_response,
    images_response_body,
)


def accepted() -> None:
    assert_type(
        images_response_body(
            n=2,
            prompt="p",
            model="dall-e-3",
            output_format="webp",
            size="32x32",
            quality="high",
            background="transparent",
            response_format="url",
            url_base="https://x.test",
            created=1,
        ),
        dict[str, object],
    )
    assert_type(images_response(status=201, request_id="r", n=1, model="m"), httpx.Response)
    assert_type(error_body(400, "bad", type="t", code="c", param="p"), dict[str, object])
    assert_type(error_body(500, code=None), dict[str, object])
    assert_type(
        error_response(429, message="slow", param="prompt", retry_after=1.5, headers={}),
        httpx.Response,
    )


def refused() -> None:
    images_response_body(colour="blue")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    images_response_body(n="2")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    images_response_body(output_format="tiff")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    images_response(background="clear")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    images_response(nn=1)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    error_body(400, kind="t")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    error_body(400, code=1)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    error_response(400, param=["p"])  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    error_response(400, "m", "t")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
