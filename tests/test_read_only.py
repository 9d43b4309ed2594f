"""`_read_only.ReadOnly`: the read-only attributes of responses and client options."""

from __future__ import annotations

import pydoc

import httpx
import pytest

from openai_images_sdk import APIResponse, ImagesClient
from openai_images_sdk._read_only import ReadOnly


def _help(thing: object) -> str:
    return pydoc.plain(pydoc.render_doc(thing))


class Box:
    items: list[int]
    size: ReadOnly[Box, int] = ReadOnly(lambda box: len(box.items), "How many items the box holds.")

    def __init__(self, *items: int) -> None:
        self.items = list(items)


def test_reads_through_on_every_access() -> None:
    box = Box(1, 2)
    assert box.size == 2
    box.items.append(3)
    assert box.size == 3
    assert isinstance(Box.size, ReadOnly)


def test_assignment_is_refused_like_a_property_without_setter() -> None:
    box = Box()
    with pytest.raises(AttributeError, match="property 'size' of 'Box' object has no setter"):
        box.size = 4  # type: ignore[assignment]  # pyright: ignore[reportAttributeAccessIssue]
    assert "size" not in vars(box)


def test_help_shows_the_docs() -> None:
    assert Box.size.__doc__ == "How many items the box holds."
    assert "How many items the box holds." in _help(Box)
    text = _help(ImagesClient)
    assert "How many times a failed request is retried." in text
    assert "The ``x-request-id`` header" in _help(APIResponse)


def test_client_and_response_values() -> None:
    client = ImagesClient(api_key="sk-test", base_url="http://127.0.0.1:1/v1", max_retries=4)
    assert client.api_key == "sk-test"
    assert client.max_retries == 4
    assert str(client.base_url) == "http://127.0.0.1:1/v1/"
    with pytest.raises(AttributeError):
        client.max_retries = 1  # type: ignore[assignment]  # pyright: ignore[reportAttributeAccessIssue]
    request = httpx.Request("GET", "https://api.openai.com/v1/files")
    raw = httpx.Response(
        201, headers={"x-request-id": "req_9", "content-type": "text/plain"}, request=request
    )
    response = APIResponse(raw=raw, parser=lambda r: r.status_code, stream=False)
    assert (response.status_code, response.request_id, response.content_type) == (
        201,
        "req_9",
        "text/plain",
    )
    assert response.http_response is raw
    assert response.method == "GET"
    assert response.url == request.url
    client.close()
